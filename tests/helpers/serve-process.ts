/**
 * `monshi serve` as a user runs it: the CLI bundled from source (esbuild, about a second) and started
 * as a child process on a fresh data folder. Tests of "no request can stop the server" need a real
 * process: an exception thrown in a socket handler ends the process, not just a promise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './engine';
import { nodeExternals, nodeWorkers } from './node-externals';

const root = path.resolve(__dirname, '..', '..');

export type ServeProcess = {
  proc: ChildProcess;
  port: number;
  /** The sign-in address the CLI printed. */
  url: string;
  dataDir: string;
  /** Everything the process wrote, for failure messages. */
  output: () => string;
  /** Resolves with the exit code if the process ends, for asserting it did not. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

let bundled: Promise<string> | null = null;

/** Bundles src/main/cli.ts once per test file, under test-results/ (inside the app root, so migrations/ is found). */
function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const outdir = path.join(root, 'test-results', `serve-cli-${process.pid}`);
    mkdirSync(outdir, { recursive: true });
    await build({
      entryPoints: { cli: path.join(root, 'src', 'main', 'cli.ts'), ...nodeWorkers },
      outdir,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      external: nodeExternals,
    });
    return path.join(outdir, 'cli.js');
  })();
  return bundled;
}

export async function startServeProcess(
  dataDir = tempDir('monshi-serve-'),
  extra: { args?: string[]; env?: Record<string, string> } = {},
): Promise<ServeProcess> {
  const cli = await cliBundle();
  const proc = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0', ...(extra.args ?? [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...extra.env },
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += String(d)));
  proc.stderr!.on('data', (d: Buffer) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`monshi serve did not start: ${out}`)), 20_000);
    const check = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+(?=\r?\n)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', check);
      resolve(m[0]);
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`monshi serve exited (${code}): ${out}`)));
  });
  return {
    proc,
    url,
    dataDir,
    exited,
    output: () => out,
    port: Number(new URL(url).port),
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
