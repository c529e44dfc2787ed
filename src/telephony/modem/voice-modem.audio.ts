/**
 * Playing and recording on a voice modem (+VTX / +VRX, reference §1.5). Playback is written a little
 * ahead of real time — never the whole prompt at once, since a modem's buffer holds well under a
 * second — and aborted like vgetty does (NUL <DLE><CAN><DLE><ETX>). Recording ends on QUIET/SILENCE,
 * a key, the caller hanging up, or the length limit, by <DLE>! and the modem's <DLE><ETX> OK.
 */
import { getCodec, type Codec, type CodecName } from '../audio/codecs';
import type { PlayOutcome, RecordOutcome } from '../line';
import type { Timers } from '../transport';
import type { AtChannel } from './at-channel';
import { DLE, ETX, shield, type DleEvent } from './dle';
import { codecOfMethod } from './identify';
import type { ModemProfile } from './modem-profiles';

/**
 * How far playback runs ahead of real time. At most AHEAD_MS + CHUNK_MS (300 ms) sits in the modem:
 * under the ~0.5 s where a modem's buffer is full and it drops CTS — then the abort of a barge-in
 * (<DLE><CAN>) would wait behind the flow control for a quarter of a second — and still far more
 * than the event loop's jitter, so the modem never underruns.
 */
const AHEAD_MS = 250;
const CHUNK_MS = 50;
/** A modem in a receive state sends audio all the time: nothing for this long means it left the state. */
const STALL_MS = 2000;

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A prompt's bytes per line format, kept as long as its PCM is (the IVR keeps each prompt's PCM once
 * loaded): encoding three seconds took 4 ms on a quiet machine and up to 100 ms on a busy one, and it
 * sat between a caller's key and the next prompt on every barge-in. A whole prompt encoded from a
 * fresh codec is the same bytes every time, so ADPCM's per-stream state is no reason to encode again.
 */
const encoded = new WeakMap<Int16Array, Map<string, Uint8Array>>();

function encodeOnce(pcm: Int16Array, format: string, fresh: () => Codec): Uint8Array {
  let byFormat = encoded.get(pcm);
  const hit = byFormat?.get(format);
  if (hit) return hit;
  const codec = fresh();
  const bytes = joinBytes(codec.encode(pcm), codec.flush());
  if (!byFormat) encoded.set(pcm, (byFormat = new Map()));
  byFormat.set(format, bytes);
  return bytes;
}

type Stop = 'end' | 'dtmf' | 'hangup' | 'stop' | 'silence' | 'quiet' | 'max-length' | 'fax';

export class VoiceAudio {
  private readonly codec: Codec;
  private readonly codecName: CodecName;
  private stopWith: { reason: Stop; digit?: string } | null = null;
  private wake: (() => void) | null = null;
  private mode: 'play' | 'record' | null = null;
  private stopOnDtmf = false;
  /** A message ends on QUIET/SILENCE; a conversation recording does not. */
  private endOnSilence = true;
  /** A message ends at a fax machine's calling tone; a conversation only when the line takes it to fax. */
  private endOnFaxTone = true;
  private keep = true;
  private chunks: Int16Array[] = [];
  /** The modem left the voice state on its own (NO CARRIER, a reset): no end to send, no final to wait for. */
  private gone = false;
  private lastData = 0;

  constructor(
    private readonly at: AtChannel,
    private readonly timers: Timers,
    /** `bits` as +VSM=? gave it: the name alone cannot tell IMA's 4 bits from an 8-bit method. */
    private readonly method: { id: number; name: string; rate: number; bits: number },
    private readonly profile: ModemProfile,
    private readonly onAudio: (pcm: Int16Array) => void,
    private readonly onDtmf: (digit: string) => void,
    /** The modem stopped behaving like one in a voice state (it sends no audio while recording). */
    private readonly onTrouble: (reason: string) => void = () => undefined,
  ) {
    // A codec per VoiceAudio, and a VoiceAudio per play or record: ADPCM's state belongs to one stream.
    const codec = codecOfMethod({ id: method.id, name: method.name, bits: method.bits, rates: [method.rate] });
    this.codecName = codec ?? 'u8';
    this.codec = getCodec(this.codecName);
  }

  /** An in-band event while playing or recording; true when it was consumed here. */
  event(e: DleEvent): boolean {
    if (!this.mode) return false;
    if (e.kind === 'dtmf') {
      this.onDtmf(e.digit);
      if (this.stopOnDtmf) this.stop('dtmf', e.digit);
      return true;
    }
    if (e.kind === 'hangup' || (e.kind === 'tone' && e.tone === 'busy')) {
      this.stop('hangup');
      return false; // the line hangs up too
    }
    if (e.kind === 'tone' && e.tone === 'fax-calling' && this.mode === 'record' && this.endOnFaxTone) {
      // A message ends at a fax machine's tone (the caller is a fax machine); a recorded conversation
      // only when asked to, on a line that then takes the call to fax (src/main/fax/fax-answer.ts).
      this.stop('fax');
      return false; // the line reports the tone too
    }
    if (e.kind === 'tone' && this.mode === 'record' && (e.tone === 'quiet' || e.tone === 'silence')) {
      if (this.endOnSilence) this.stop(e.tone);
      return true;
    }
    if (e.kind === 'tone' && e.tone === 'dial-tone' && this.profile.spuriousDialTone) return true;
    return e.kind === 'underrun' || e.kind === 'end';
  }

  received(bytes: Uint8Array): void {
    if (this.mode !== 'record') return;
    this.lastData = this.timers.now();
    const pcm = this.codec.decode(bytes);
    if (this.keep) this.chunks.push(pcm);
    this.onAudio(pcm);
  }

  abort(reason: 'stop' | 'hangup'): void {
    this.stop(reason);
  }

  /** The modem has already left the voice state (it said NO CARRIER, or it reset): end as a hang-up. */
  lost(): void {
    this.gone = true;
    this.stop('hangup');
  }

  private stop(reason: Stop, digit?: string): void {
    if (this.stopWith) return;
    this.stopWith = { reason, digit };
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = this.timers.setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        this.timers.clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  private async prepare(): Promise<void> {
    await this.at.command(`AT+VSM=${this.method.id},${this.method.rate}`);
    if (this.profile.flowControl) await this.at.command(this.profile.flowControl);
  }

  async play(pcm: Int16Array, stopOnDtmf: boolean): Promise<PlayOutcome> {
    this.mode = 'play';
    this.stopOnDtmf = stopOnDtmf;
    // Encoded before the commands, so the first chunk follows CONNECT at once (the caller waits for it);
    // the same prompt again is not encoded again (the codec's name covers its bits; the rate is the PCM's).
    const bytes = encodeOnce(pcm, this.codecName, () => getCodec(this.codecName));
    await this.prepare();
    const r = await this.at.command('AT+VTX');
    if (!r.final.startsWith('CONNECT')) return { stoppedBy: this.gone || r.final === 'NO CARRIER' ? 'hangup' : 'stop' };
    this.at.setVoiceTransmit(true);
    // 4000 bytes/s for 4-bit ADPCM at 8 kHz, 8000 for 8-bit, 16000 for 16-bit; a 50 ms chunk is whole bytes.
    const perMs = (this.method.rate * this.codec.bitsPerSample) / 8 / 1000;
    const chunk = Math.round(CHUNK_MS * perMs);
    const t0 = this.timers.now();
    for (let off = 0; off < bytes.length && !this.stopWith; off += chunk) {
      const aheadMs = off / perMs - (this.timers.now() - t0);
      if (aheadMs > AHEAD_MS) await this.sleep(aheadMs - AHEAD_MS);
      if (this.stopWith) break;
      await this.at.write(shield(bytes.subarray(off, off + chunk)));
    }
    this.at.setVoiceTransmit(false);
    if (this.gone) {
      // Nothing to end: the modem is in command state already.
    } else if (this.stopWith) {
      // vgetty's abort: a NUL, clear the buffer, end the data.
      const final = this.at.nextFinal(3000).catch(() => 'TIMEOUT');
      await this.at.write(Uint8Array.from([0x00, DLE, 0x18, DLE, ETX])).catch(() => undefined);
      await final;
    } else {
      const remaining = bytes.length / perMs - (this.timers.now() - t0);
      const final = this.at.nextFinal(Math.max(0, remaining) + 5000).catch(() => 'TIMEOUT');
      await this.at.write(Uint8Array.from([DLE, ETX]));
      if ((await final) === 'NO CARRIER') this.stop('hangup');
    }
    this.mode = null;
    const s = this.stopWith ?? { reason: 'end' as const };
    return { stoppedBy: s.reason === 'dtmf' || s.reason === 'hangup' || s.reason === 'stop' ? s.reason : 'end', digit: s.digit };
  }

  /**
   * `silenceMs` 0: no silence detection (+VSD sdi 0 disables it) — a conversation. `keep` false: the
   * audio goes only to `onAudio` and the outcome's pcm is empty. `lineMode`: a +VLS label to switch to
   * first (the one that keeps the local phone connected while recording a conversation).
   */
  async record(
    maxMs: number,
    stopOnDtmf: boolean,
    silenceMs: number,
    opt: { keep?: boolean; lineMode?: number; voiceClass?: boolean; stopOnFaxTone?: boolean } = {},
  ): Promise<RecordOutcome> {
    this.mode = 'record';
    this.stopOnDtmf = stopOnDtmf;
    this.endOnSilence = silenceMs > 0;
    this.endOnFaxTone = silenceMs > 0 || (opt.stopOnFaxTone ?? false);
    this.keep = opt.keep ?? true;
    // A call answered at a telephone left the modem on hook in the data class: voice class first.
    if (opt.voiceClass) await this.at.command('AT+FCLASS=8').catch(() => null);
    await this.prepare();
    if (opt.lineMode !== undefined) await this.at.command(`AT+VLS=${opt.lineMode}`).catch(() => null);
    const sdi = silenceMs > 0 ? Math.max(1, Math.round(silenceMs / 100)) : 0;
    await this.at.command(`AT+VSD=${this.profile.silenceSensitivity},${sdi}`).catch(() => null);
    const r = await this.at.command('AT+VRX', 3000, true);
    if (!r.final.startsWith('CONNECT')) return { pcm: new Int16Array(0), stoppedBy: this.gone || r.final === 'NO CARRIER' ? 'hangup' : 'stop' };
    const t0 = this.timers.now();
    this.lastData = t0;
    while (!this.stopWith) {
      const left = maxMs - (this.timers.now() - t0);
      if (left <= 0) break;
      await this.sleep(Math.min(left, 500));
      // A modem that reset (or froze) in the middle of a recording just stops sending.
      if (!this.stopWith && this.timers.now() - this.lastData > STALL_MS) this.onTrouble('The modem stopped sending audio while recording.');
    }
    if (!this.stopWith) this.stopWith = { reason: 'max-length' };
    if (!this.gone) {
      const final = this.at.nextFinal(3000).catch(() => 'TIMEOUT');
      await this.at.write(Uint8Array.from([DLE, 0x21])).catch(() => undefined); // <DLE>! receive abort
      if ((await final) === 'NO CARRIER') this.stopWith = { reason: 'hangup' };
    }
    this.mode = null;
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Int16Array(total);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    const s = this.stopWith;
    const stoppedBy = s.reason === 'end' ? 'stop' : s.reason;
    return { pcm: out, stoppedBy, digit: s.digit };
  }
}
