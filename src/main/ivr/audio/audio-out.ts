/** A stored WAV as the UI plays it: the file, its length and the waveform's peaks (prompts, voicemail, call recordings). */
import type { AudioOut } from '../../../shared/contract/ivr';
import { durationMs, peaks } from './pcm-convert';
import { readPcm16 } from './wav';

export function audioOut(wav: Buffer): AudioOut {
  const { pcm } = readPcm16(wav);
  return { base64: wav.toString('base64'), durationMs: durationMs(pcm), peaks: peaks(pcm, 400) };
}
