/**
 * A pseudo-terminal pair from libc through koffi (no native addon to build): the simulator holds the
 * master side, and any program that drives modems — Monshi's own driver through `serialport`, vgetty,
 * NCID — opens the slave path as if it were /dev/ttyACM0. Linux and macOS; Windows has no ptys (there
 * the in-process demo line gives the same simulator without a port).
 *
 * Like a real serial port, the slave path outlives the programs that open it: `vm` opens the modem,
 * runs one command and closes it, and the next `vm` must find the same device. When the last program
 * closes the slave, reads on the master fail with EIO until one opens it again; libuv then closes its
 * handle, so the reader works on a duplicate of the master and is re-armed on a fresh duplicate while
 * the original keeps the pair alive.
 */
import fs from 'node:fs';
import tty from 'node:tty';

export class PtyUnavailableError extends Error {
  constructor(reason: string) {
    super(`A pseudo-terminal is not available on this system (${reason}); use the demo line instead.`);
    this.name = 'PtyUnavailableError';
  }
}

type Libc = {
  posix_openpt(flags: number): number;
  grantpt(fd: number): number;
  unlockpt(fd: number): number;
  ptsname(fd: number): string | null;
  dup(fd: number): number;
  /** fcntl(fd, cmd, int): variadic in C, so koffi is given the type of the extra argument. */
  fcntl(fd: number, cmd: number, type: 'int', arg: number): number;
};
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
    dup: lib.func('int dup(int fd)'),
    fcntl: lib.func('int fcntl(int fd, int cmd, ...)'),
  };
  return libc;
}

/** How often the reader looks again for a program on the slave side after the last one closed it. */
const REARM_MS = 40;

export type Pty = {
  /** The path a serial program opens (e.g. /dev/pts/3). Stays valid until close(), across opens and closes. */
  slavePath: string;
  onData(listener: (chunk: Buffer) => void): void;
  /**
   * Called with false when the last program closed the slave (a serial port's DTR drops) and with true
   * when one has it open again. Not called for the first program: a fresh pair cannot tell.
   */
  onPeer(listener: (open: boolean) => void): void;
  /** Non-blocking write to the master; dropped while no program has the slave open (as a modem's output is). */
  write(data: Buffer): void;
  /**
   * Stops (false) or resumes (true) reading what the program writes: a pty has no CTS line, so this is
   * how the modem's flow control holds a writer back — the kernel buffers about 16 KB, then its write blocks.
   */
  setReading(on: boolean): void;
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
  // Non-blocking, for every duplicate too (they share the flag). libuv cannot reopen a master to make
  // its own non-blocking copy, so it would read it as it is: while a re-armed reader and the one it
  // replaces both watch the master, one of them could find the data gone and block the whole process
  // in read() — seen as Jest hanging now and then. Writes below retry when the slave's buffer is full.
  const F_GETFL = 3;
  const F_SETFL = 4;
  const O_NONBLOCK = process.platform === 'darwin' ? 0x4 : 0x800;
  const fl = c.fcntl(fd, F_GETFL, 'int', 0);
  if (fl < 0 || c.fcntl(fd, F_SETFL, 'int', fl | O_NONBLOCK) < 0) throw new PtyUnavailableError('fcntl O_NONBLOCK failed');
  const dataListeners: ((chunk: Buffer) => void)[] = [];
  const peerListeners: ((open: boolean) => void)[] = [];
  let closed = false;
  let peerOpen = true;
  let reader: tty.ReadStream | null = null;
  let reading = true;
  let rearm: NodeJS.Timeout | null = null;
  const setPeer = (open: boolean) => {
    if (open === peerOpen) return;
    peerOpen = open;
    for (const l of peerListeners) l(open);
  };
  const arm = (first: boolean) => {
    rearm = null;
    if (closed) return;
    const rfd = c.dup(fd);
    if (rfd < 0) return;
    // libuv's tty handle reads without blocking the event loop; it closes only the duplicate.
    const r = new tty.ReadStream(rfd);
    // On a master this sets the slave's modes: raw until a program sets its own. Only before anyone
    // opened the slave: later it would undo the termios of a program that has just opened it.
    if (first) r.setRawMode(true);
    // Survived a moment without EIO: a program has the slave open again.
    const alive = setTimeout(() => setPeer(true), REARM_MS);
    r.on('data', (d: Buffer | string) => {
      setPeer(true);
      const chunk = typeof d === 'string' ? Buffer.from(d, 'latin1') : d;
      for (const l of dataListeners) l(chunk);
    });
    // EIO: nobody has the slave open. That is "port closed", not an error.
    r.on('error', () => undefined);
    r.on('close', () => {
      clearTimeout(alive);
      if (reader === r) reader = null;
      if (closed) return;
      setPeer(false);
      rearm = setTimeout(() => arm(false), REARM_MS);
    });
    reader = r;
    if (!reading) r.pause();
  };
  arm(true);
  const queue: Buffer[] = [];
  let writing = false;
  // Written at once, as a modem puts bytes on the wire: the master is non-blocking, so a write never
  // waits; when the program does not read and the kernel's buffer is full (EAGAIN) it tries again
  // shortly, as a modem's output would wait (output is dropped only when nobody has the port open).
  const pump = () => {
    if (writing || closed) return;
    while (queue.length) {
      const next = queue[0]!;
      let n: number;
      try {
        n = fs.writeSync(fd, next);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          writing = true;
          setTimeout(() => {
            writing = false;
            pump();
          }, 5);
        } else queue.length = 0; // EIO and the like: the program went away
        return;
      }
      if (n < next.length) queue[0] = next.subarray(n);
      else queue.shift();
    }
  };
  return {
    slavePath,
    onData: (listener) => void dataListeners.push(listener),
    onPeer: (listener) => void peerListeners.push(listener),
    write(data) {
      if (closed || !peerOpen) return;
      queue.push(data);
      pump();
    },
    setReading(on) {
      reading = on;
      if (on) reader?.resume();
      else reader?.pause();
    },
    close() {
      if (closed) return;
      closed = true;
      if (rearm) clearTimeout(rearm);
      reader?.destroy();
      fs.close(fd, () => undefined);
    },
  };
}
