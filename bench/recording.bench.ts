/**
 * What recording a conversation costs the engine, on the path the audio takes after the serial port:
 * an hour of 8-bit linear voice data decoded by the driver's codec in 20 ms runs (as the modem sends
 * it) and appended to the recording's WAV file (written every half second).
 * - recording_hour_cpu_ms: the time for one hour of audio (and as a share of real time).
 * - recording_heap_growth_mb: how much the heap grew over that hour — the file is streamed, so it
 *   must stay near zero (an hour held in memory would be 57 MB).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WavFileWriter } from '../src/main/recordings/wav-file';
import { getCodec } from '../src/telephony/audio/codecs';
import { round } from './bench-util';

export async function recordingBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-rec-'));
  const codec = getCodec('u8');
  const run = new Uint8Array(160); // 20 ms at 8000 bytes/s
  for (let i = 0; i < run.length; i++) run[i] = 128 + Math.round(60 * Math.sin(i / 3));
  const runs = (3600 * 1000) / 20;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const file = path.join(dir, 'hour.wav');
  const t0 = performance.now();
  const w = new WavFileWriter(file);
  for (let i = 0; i < runs; i++) w.append(codec.decode(run));
  w.close();
  const ms = performance.now() - t0;
  gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  const size = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  if (size !== 44 + 3600 * 8000 * 2) throw new Error(`recording bench: the file has ${size} bytes`);
  return {
    recording_hour_cpu_ms: round(ms, 0),
    recording_cpu_percent_of_realtime: round((ms / 3_600_000) * 100, 3),
    recording_heap_growth_mb: round((heap1 - heap0) / (1024 * 1024), 1),
  };
}
