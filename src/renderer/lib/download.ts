/** Files made by the engine (exports, PDFs) arrive as base64; these hand them to the user. */
import type { FileOut } from '../../shared/contract/io';

/** The file's bytes, decoded from the base64 it travelled in. */
export function bytesOf(file: FileOut): Uint8Array<ArrayBuffer> {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function blobOf(file: FileOut): Blob {
  return new Blob([bytesOf(file)], { type: file.mime });
}

/** A blob: URL of the file; the caller revokes it when done (URL.revokeObjectURL). */
export function objectUrlOf(file: FileOut): string {
  return URL.createObjectURL(blobOf(file));
}

/** Saves the file through the browser's download (Electron shows its save dialog). */
export function saveFile(file: FileOut, url?: string): void {
  const href = url ?? objectUrlOf(file);
  const a = document.createElement('a');
  a.href = href;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; free ours a little later.
  if (!url) setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Opens a blob URL in a new browser tab (browser mode only: the Electron shell opens no windows).
 * Must run in a click handler. The tab keeps working after the dialog revokes its own URL because
 * it gets a URL of its own.
 */
export function openInNewTab(file: FileOut): void {
  const url = objectUrlOf(file);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
}
