/**
 * `monshi serve`'s start on a fresh data folder, as every end-to-end test and every user's start pays it:
 * from spawning the built CLI to its printed sign-in address, wall time and the process's own CPU time
 * (read from /proc before it is stopped). The median of several starts: the machine may be loaded.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { p, round } from './bench-util';

const STARTS = 9;

/** One start: [ms to the sign-in address, ms of CPU the process used until then]. */
function startOnce(cli: string): Promise<[number, number]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'monshi-bench-serve-'));
  const t0 = performance.now();
  const proc = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let figures: [number, number] | null = null;
    proc.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (figures || !/\?code=/.test(out)) return;
      // utime and stime, in clock ticks of 10 ms (fields 14 and 15 of /proc/PID/stat).
      const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      figures = [performance.now() - t0, (Number(fields[11]) + Number(fields[12])) * 10];
      proc.kill('SIGTERM');
    });
    proc.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      if (figures) resolve(figures);
      else reject(new Error(`monshi serve exited (${code}) before printing its address: ${out}`));
    });
  });
}

export async function serveStartBench(root: string): Promise<Record<string, number>> {
  const cli = path.join(root, 'dist', 'cli.js');
  const runs: [number, number][] = [];
  for (let i = 0; i < STARTS; i++) runs.push(await startOnce(cli));
  const wall = runs.map(([w]) => w);
  const cpu = runs.map(([, c]) => c);
  const results = { serve_start_ms_p50: round(p(wall, 0.5), 0), serve_start_cpu_ms_p50: round(p(cpu, 0.5), 0) };
  console.log(`monshi serve start (fresh folder, ${STARTS} starts): ${results.serve_start_ms_p50} ms to its address, ${results.serve_start_cpu_ms_p50} ms CPU`);
  return results;
}
