import { useRef, useState } from 'react';
import type { Cheque, ChequeImage } from '../../shared/contract/cheques';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { ImageViewer } from './image-viewer';
import { makeThumbnail } from './thumbnail';

type Props = { cheque: Cheque; onChanged: (c: Cheque) => void };

/** Scanned images of a cheque as thumbnails; attach more (PNG, JPEG, WebP), open one full size, remove one. */
export function ChequeImages({ cheque, onChanged }: Props) {
  const t = useT();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<{ image: ChequeImage; file: FileOut } | null>(null);

  const attach = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    let latest: Cheque | null = null;
    for (const file of [...files]) {
      const [base64, thumbBase64] = await Promise.all([readFileAsBase64(file), makeThumbnail(file)]);
      const r = await client.call('cheques/add-image', { chequeId: cheque.id, fileName: file.name, base64, thumbBase64 });
      if (!r.ok) {
        toast.show('error', r.error.message);
        break;
      }
      latest = r.value;
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (latest) onChanged(latest);
  };

  const show = async (image: ChequeImage) => {
    const r = await client.call('cheques/image', { id: image.id });
    if (!r.ok) return toast.show('error', r.error.message);
    setOpen({ image, file: r.value });
  };

  const remove = async (image: ChequeImage) => {
    if (!(await confirm({ title: m.removeScan, body: m.confirmRemoveScan(image.fileName), confirmLabel: m.removeScan, danger: true }))) return;
    const r = await client.call('cheques/delete-image', { id: image.id });
    if (!r.ok) return toast.show('error', r.error.message);
    onChanged(r.value);
  };

  return (
    <section className="cheque-scans" data-testid="cheque-scans">
      <div className="cheque-section-head">
        <h3>{m.scans}</h3>
        <button type="button" className="button small" onClick={() => input.current?.click()} disabled={busy} data-testid="cheque-attach">
          {busy ? m.attaching : `+ ${m.attach}`}
        </button>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          hidden
          onChange={(e) => void attach(e.target.files)}
          data-testid="cheque-attach-input"
        />
      </div>
      {cheque.images.length === 0 ? (
        <p className="muted small">{m.noScans}</p>
      ) : (
        <ul className="cheque-thumbs">
          {cheque.images.map((img) => (
            <li key={img.id} className="cheque-thumb" data-testid="cheque-thumb">
              <button type="button" className="cheque-thumb-open" onClick={() => void show(img)} title={img.fileName}>
                {img.thumb ? (
                  <img src={img.thumb} alt={m.scanAlt(img.fileName)} />
                ) : (
                  <span className="cheque-thumb-none" aria-label={m.scanAlt(img.fileName)}>
                    🖼
                  </span>
                )}
              </button>
              <button type="button" className="chip-x cheque-thumb-x" aria-label={m.removeScan} title={m.removeScan} onClick={() => void remove(img)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <ImageViewer image={open.image} file={open.file} onClose={() => setOpen(null)} />}
    </section>
  );
}
