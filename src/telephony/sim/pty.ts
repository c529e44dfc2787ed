/**
 * A pseudo-terminal pair from libc through koffi (no native addon to build): the simulator holds the
 * master side, and any program that drives modems — Monshi's own driver through `serialport`, vgetty,
 * NCID — opens the slave path as if it were /dev/ttyACM0. Linux and macOS; Windows has no ptys (there
 * the in-process demo line gives the same simulator without a port).
 */
import fs from 'node:fs';
import tty from 'node:tty';

export class PtyUnavailableError extends Error {
  constructor(reason: string) {
    super(`A pseudo-terminal is not available on this system (${reason}); use the demo line instead.`);
    this.name = 'PtyUnavailableError';
  }
}

type Libc = { posix_openpt(flags: number): number; grantpt(fd: number): number; unlockpt(fd: number): number; ptsname(fd: number): string | null };
let libc: Libc | null = null;

function loadLibc(): Libc {
  if (libc) return libc;
  if (process.platform === 'win32') throw new PtyUnavailableError('Windows');
  // Loaded lazily so that the engine starts on machines where koffi has no build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const koffi = require('koffi') as typeof import('koffi');
  const lib = koffi.load(process.platform === 'darwin' ? 'libSystem.B.dylib' : 'libc.so.6');
  libc = {
    posix_openpt: lib.func('int posix_openpt(int flags)'),
    grantpt: lib.func('int grantpt(int fd)'),
    unlockpt: lib.func('int unlockpt(int fd)'),
    ptsname: lib.func('const char *ptsname(int fd)'),
  };
  return libc;
}

export type Pty = {
  /** The path a serial program opens (e.g. /dev/pts/3). */
  slavePath: string;
  onData(listener: (chunk: Buffer) => void): void;
  /** Non-blocking write to the master; bytes the slave side cannot take are dropped (as a modem would). */
  write(data: Buffer): void;
  close(): void;
};

export function openPty(): Pty {
  const c = loadLibc();
  const O_RDWR = 2;
  const O_NOCTTY = process.platform === 'darwin' ? 0x20000 : 0x100;
  const fd = c.posix_openpt(O_RDWR | O_NOCTTY);
  if (fd < 0 || c.grantpt(fd) !== 0 || c.unlockpt(fd) !== 0) throw new PtyUnavailableError('posix_openpt failed');
  const slavePath = c.ptsname(fd);
  if (!slavePath) throw new PtyUnavailableError('ptsname failed');
  // libuv's tty handle reads the master without blocking the event loop and never reopens it.
  const reader = new tty.ReadStream(fd);
  reader.setRawMode(true);
  // When no program has the slave open, reads fail with EIO; that is "nobody connected", not an error.
  reader.on('error', () => undefined);
  let closed = false;
  const queue: Buffer[] = [];
  let writing = false;
  const pump = () => {
    if (writing || closed) return;
    const next = queue.shift();
    if (!next) return;
    writing = true;
    fs.write(fd, next, (err, n) => {
      writing = false;
      if (!err && n < next.length) queue.unshift(next.subarray(n));
      pump();
    });
  };
  return {
    slavePath,
    onData: (listener) => reader.on('data', (d: Buffer | string) => listener(typeof d === 'string' ? Buffer.from(d, 'latin1') : d)),
    write(data) {
      if (closed) return;
      queue.push(data);
      pump();
    },
    close() {
      if (closed) return;
      closed = true;
      reader.destroy();
    },
  };
}
