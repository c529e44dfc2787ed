/**
 * Text to speech with espeak-ng, when it is installed (a welcome extra, never required): the text
 * goes in on stdin (no shell, no quoting), a WAV comes out on stdout.
 */
import { execFile, execFileSync } from 'node:child_process';

let found: string | null | undefined;

/** The espeak-ng executable, or null when it is not installed. Looked up once. */
export function espeakPath(): string | null {
  if (found !== undefined) return found;
  const candidates = process.platform === 'win32' ? ['espeak-ng.exe', 'C:\\Program Files\\eSpeak NG\\espeak-ng.exe'] : ['espeak-ng'];
  found = null;
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore', timeout: 5000 });
      found = c;
      break;
    } catch {
      // not this one
    }
  }
  return found;
}

export function speak(text: string, voice: string, speed = 150): Promise<Buffer> {
  const exe = espeakPath();
  if (!exe) return Promise.reject(new Error('espeak-ng is not installed'));
  return new Promise((resolve, reject) => {
    const child = execFile(
      exe,
      ['-v', voice, '-s', String(speed), '--stdin', '--stdout'],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (err, stdout) => {
        if (err) reject(err);
        else resolve(stdout);
      },
    );
    child.stdin?.end(text, 'utf8');
  });
}
