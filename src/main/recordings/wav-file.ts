/**
 * A 16-bit 8 kHz mono WAV written while a call goes on: the header first (sizes 0, as streaming
 * recorders do), the samples appended in half-second writes, the sizes patched at the end. A file a
 * crash left unfinished is repaired from its length (`repairWav`).
 */
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { wavHeader } from '../ivr/audio/wav';

const HEADER = 44;
const RATE = 8000;
const header = (dataBytes: number) => wavHeader(dataBytes, RATE);

export class WavFileWriter {
  private fd: number | null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'wx');
    writeSync(this.fd, header(0));
  }

  /** Bytes of audio so far (written and buffered). */
  get dataBytes(): number {
    return this.written + this.pendingBytes;
  }

  get durationMs(): number {
    return Math.round((this.dataBytes / 2 / RATE) * 1000);
  }

  append(pcm: Int16Array): void {
    if (this.fd === null || pcm.length === 0) return;
    const b = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    this.pending.push(Buffer.from(b)); // a copy: the caller may reuse its array
    this.pendingBytes += b.length;
    if (this.pendingBytes >= RATE) this.flush(); // every half second
  }

  flush(): void {
    if (this.fd === null || this.pendingBytes === 0) return;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    writeSync(this.fd, all, 0, all.length, HEADER + this.written);
    this.written += all.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes what is buffered, patches the sizes and closes; returns the audio's length in bytes. */
  close(): number {
    if (this.fd === null) return this.written;
    try {
      this.flush();
      writeSync(this.fd, header(this.written), 0, HEADER, 0);
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
    return this.written;
  }
}

/** Patches the header of a WAV whose writer never finished; returns the audio's length in bytes. */
export function repairWav(file: string): number {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const data = Math.max(0, size - HEADER) & ~1;
    writeSync(fd, header(data), 0, HEADER, 0);
    return data;
  } finally {
    closeSync(fd);
  }
}

export const wavDurationMs = (dataBytes: number) => Math.round((dataBytes / 2 / RATE) * 1000);
