/**
 * The simulator's voice data states (+VTX, +VRX, +VTR): DLE shielding both ways and the real rate.
 * A pty lets a writer dump a whole file in milliseconds, so the modem side drains what the host sent
 * at exactly the sample rate, reports an underrun (<DLE>u) when the host falls behind, and answers
 * OK only when the last byte has "played". Received audio is sent at the same rate.
 */
import type { ModemSimulator } from './modem-sim';

const DLE = 0x10;
const ETX = 0x03;
const TICK_MS = 20;
/**
 * The transmit buffer, in seconds of audio: above the high mark the modem drops CTS, below the low
 * mark it raises it again. No vendor document we have gives the size; half a second is an assumption.
 * What matters is that it is bounded: vgetty then still has most of a greeting to send when a key
 * comes, and aborts it with <DLE><CAN> as it does on real modems, instead of having handed it all over.
 */
const TX_HIGH_S = 0.5;
const TX_LOW_S = 0.25;

type SampleFormat = { bytesPerSecond: number; encode(s: number): number; decode(b: number): number; silence: number; bits: number };

function ulawEncode(sample: number): number {
  const BIAS = 0x84;
  let s = Math.max(-32635, Math.min(32635, sample));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  s += BIAS;
  let exp = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exp > 0; mask >>= 1) exp--;
  const mant = (s >> (exp + 3)) & 0x0f;
  return ~(sign | (exp << 4) | mant) & 0xff;
}

function ulawDecode(b: number): number {
  const u = ~b & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

function alawEncode(sample: number): number {
  const s = Math.max(-32767, Math.min(32767, sample));
  const sign = s >= 0 ? 0x80 : 0;
  let a = (s < 0 ? -s : s) >> 3;
  let exp = 0;
  if (a >= 32) {
    exp = 1;
    while (a >= 64 && exp < 7) {
      a >>= 1;
      exp++;
    }
  }
  const mant = exp === 0 ? a >> 1 : (a >> 1) & 0x0f;
  return ((sign | (exp << 4) | mant) ^ 0x55) & 0xff;
}

function alawDecode(b: number): number {
  const a = b ^ 0x55;
  const exp = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t += exp === 0 ? 8 : 0x108;
  if (exp > 1) t <<= exp - 1;
  return a & 0x80 ? t : -t;
}

/** The sample format of the +VSM method the host chose, from its name (the simulator's own map). */
export function sampleFormatOf(methodLine: string | undefined): SampleFormat {
  const name = (methodLine ?? '').toUpperCase();
  if (/MU-LAW|ULAW|G\.711U/.test(name)) return { bytesPerSecond: 8000, encode: ulawEncode, decode: ulawDecode, silence: 0xff, bits: 8 };
  if (/A-LAW|ALAW|G\.711A/.test(name)) return { bytesPerSecond: 8000, encode: alawEncode, decode: alawDecode, silence: 0xd5, bits: 8 };
  if (/ADPCM/.test(name)) return { bytesPerSecond: 4000, encode: () => 0, decode: () => 0, silence: 0, bits: 4 };
  if (/"SIGNED PCM"/.test(name)) return { bytesPerSecond: 8000, encode: (s) => (s >> 8) & 0xff, decode: (b) => ((b << 24) >> 24) << 8, silence: 0, bits: 8 };
  return { bytesPerSecond: 8000, encode: (s) => ((s >> 8) + 128) & 0xff, decode: (b) => (b - 128) << 8, silence: 0x80, bits: 8 };
}

export class VoiceStream {
  private buffer: number[] = [];
  private escaped = false;
  private ending = false;
  private started = false;
  private underrun = false;
  private timer: unknown = null;
  private readonly played: number[] = [];
  private rxSent = 0;
  private heardVoice = false;
  private quietSince: number | null = null;

  constructor(
    private readonly sim: ModemSimulator,
    readonly mode: 'tx' | 'rx' | 'duplex',
    private readonly format: SampleFormat,
  ) {
    this.quietSince = sim.timers.now();
    this.schedule();
  }

  /** Bytes from the host while in the voice state. */
  fromHost(buf: Buffer): void {
    for (const b of buf) {
      if (this.escaped) {
        this.escaped = false;
        this.hostEscape(b);
      } else if (b === DLE) this.escaped = true;
      else if (this.mode !== 'rx' && !this.ending) {
        this.buffer.push(b);
        this.started = true;
        this.underrun = false;
      }
    }
    if (this.buffer.length > this.format.bytesPerSecond * TX_HIGH_S) this.sim.setClearToSend(false);
  }

  private hostEscape(b: number): void {
    if (b === DLE && this.mode !== 'rx') this.buffer.push(DLE);
    else if (b === 0x1a && this.mode !== 'rx') this.buffer.push(DLE, DLE);
    else if (b === ETX && this.mode !== 'rx') this.ending = true;
    else if (b === 0x18) this.buffer = []; // <DLE><CAN>: drop what is not played yet
    else if ((b === 0x21 || (b === 0x1b && this.sim.profile.echoesEtx)) && this.mode === 'rx') this.finish(); // <DLE>! / <DLE><ESC>
    else if (b === 0x5e && this.mode === 'duplex') this.finish(); // <DLE>^
  }

  private schedule(): void {
    this.timer = this.sim.timers.setTimeout(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    this.timer = null;
    const n = Math.round((this.format.bytesPerSecond * TICK_MS) / 1000);
    if (this.mode !== 'rx') this.drain(n);
    if (this.mode !== 'tx' && this.sim.voice === this) this.receive(n);
    if (this.sim.voice === this) this.schedule();
  }

  private drain(n: number): void {
    const take = this.buffer.splice(0, n);
    this.played.push(...take);
    if (this.buffer.length <= this.format.bytesPerSecond * TX_LOW_S) this.sim.setClearToSend(true);
    if (take.length < n && this.started && !this.ending && !this.underrun) {
      this.underrun = true;
      this.sim.send(Buffer.from([DLE, 0x75])); // <DLE>u
    }
    if (this.ending && this.buffer.length === 0) this.finish();
  }

  private receive(n: number): void {
    const audio = this.sim.callerAudio();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = this.rxSent + i;
      const byte = audio && k < audio.length ? this.format.encode(audio[k]!) : this.format.silence;
      out.push(byte);
      if (byte === DLE) out.push(DLE);
    }
    const speaking = !!audio && this.rxSent < audio.length;
    this.rxSent += n;
    this.sim.send(Buffer.from(out));
    const now = this.sim.timers.now();
    if (speaking) {
      this.heardVoice = true;
      this.quietSince = null;
    } else if (this.quietSince === null) this.quietSince = now;
    const sdi = (this.sim.regs.vsd[1] ?? 0) * 100;
    if (sdi > 0 && this.quietSince !== null && now - this.quietSince >= sdi) {
      this.sim.send(Buffer.from([DLE, this.heardVoice ? 0x71 : 0x73])); // <DLE>q QUIET / <DLE>s SILENCE
      this.quietSince = Number.POSITIVE_INFINITY; // once per quiet stretch
    }
  }

  /** The caller hung up during the state: keep the stream running (a real line carries noise). */
  callerGone(): void {
    this.heardVoice = this.heardVoice || false;
  }

  private finish(): void {
    if (this.sim.voice !== this) return;
    this.stop();
    this.sim.voice = null;
    if (this.mode === 'tx' || this.mode === 'duplex') {
      const pcm = Int16Array.from(this.played, (b) => this.format.decode(b));
      this.sim.played.push(pcm);
    }
    if (this.mode !== 'tx' || this.sim.profile.echoesEtx) this.sim.send(Buffer.from([DLE, ETX]));
    this.sim.result('OK');
  }

  stop(): void {
    if (this.timer !== null) this.sim.timers.clearTimeout(this.timer);
    this.timer = null;
    this.sim.setClearToSend(true);
  }
}
