/**
 * The simulator's voice data states (+VTX, +VRX, +VTR): DLE shielding both ways and the real rate.
 * A pty lets a writer dump a whole file in milliseconds, so the modem side drains what the host sent
 * at exactly the sample rate, reports an underrun (<DLE>u) when the host falls behind, and answers
 * OK only when the last byte has "played". Received audio is sent at the same rate.
 */
import { createImaCodec } from '../audio/ima-adpcm';
import { conversation } from './sim-conversation';
import type { SimState, SimVoiceState } from './sim-state';

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

/** The simulator runs at 8 kHz whatever rate +VSM asked for. */
const RATE = 8000;

/**
 * A +VSM method as the simulator speaks it. `encoder()` and `decoder()` give a fresh coder for one
 * direction of one voice state: ADPCM carries its prediction from chunk to chunk (and packs two
 * samples a byte), so a stream keeps one encoder for the caller's audio it sends and one decoder for
 * what the host plays, each from a clean start like a modem's at +VTX / +VRX.
 */
export type SampleFormat = {
  bytesPerSecond: number;
  encoder(): (pcm: Int16Array) => Uint8Array;
  decoder(): (bytes: Uint8Array) => Int16Array;
};

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

/** An 8-bit format: a byte a sample, no state between chunks. */
function perSample(encode: (s: number) => number, decode: (b: number) => number): SampleFormat {
  return {
    bytesPerSecond: RATE,
    encoder: () => (pcm) => Uint8Array.from(pcm, encode),
    decoder: () => (bytes) => Int16Array.from(bytes, decode),
  };
}

/**
 * IMA ADPCM. Unlike the 8-bit formats, the simulator does not carry its own copy: it uses the driver's
 * codec, which is verified byte for byte against mgetty-voice's pvftormd `V253modem 5` (first sample
 * in the low nibble, predictor 0 and step index 0 at the start; tests/telephony/audio/ima-adpcm.test.ts).
 */
const IMA: SampleFormat = {
  bytesPerSecond: RATE / 2,
  encoder: () => {
    const c = createImaCodec();
    return (pcm) => c.encode(pcm);
  },
  decoder: () => {
    const c = createImaCodec();
    return (bytes) => c.decode(bytes);
  },
};

/**
 * The sample format of the +VSM method the host chose, from its name (the simulator's own map). Other
 * ADPCMs (Rockwell's 2- and 4-bit) are not simulated: they pass as IMA, which the driver never picks
 * for them.
 */
export function sampleFormatOf(methodLine: string | undefined): SampleFormat {
  const name = (methodLine ?? '').toUpperCase();
  if (/MU-LAW|ULAW|G\.711U/.test(name)) return perSample(ulawEncode, ulawDecode);
  if (/A-LAW|ALAW|G\.711A/.test(name)) return perSample(alawEncode, alawDecode);
  if (/ADPCM/.test(name)) return IMA;
  if (/"SIGNED PCM"/.test(name))
    return perSample(
      (s) => (s >> 8) & 0xff,
      (b) => ((b << 24) >> 24) << 8,
    );
  return perSample(
    (s) => ((s >> 8) + 128) & 0xff,
    (b) => (b - 128) << 8,
  );
}

/** A fax machine's calling tone (CNG): 1100 Hz, 0.5 s on and 3 s off, for `seconds`. */
export function cngTone(seconds: number): Int16Array {
  return Int16Array.from({ length: Math.round(seconds * RATE) }, (_, i) =>
    i % (RATE * 3.5) < RATE * 0.5 ? Math.round(8000 * Math.sin((2 * Math.PI * 1100 * i) / RATE)) : 0,
  );
}

export class VoiceStream implements SimVoiceState {
  private buffer: number[] = [];
  private escaped = false;
  private ending = false;
  private started = false;
  private underrun = false;
  private timer: unknown = null;
  /** What the host played, decoded chunk by chunk as it "sounds". */
  private readonly played: Int16Array[] = [];
  /** Samples of the host's audio played so far: what the caller has heard of a prompt (tests wait on it). */
  playedSamples = 0;
  /** Samples of the caller's audio sent so far (past its end: silence). */
  private rxSamples = 0;
  private readonly encodeRx: (pcm: Int16Array) => Uint8Array;
  private readonly decodeTx: (bytes: Uint8Array) => Int16Array;
  private heardVoice = false;
  private quietSince: number | null = null;

  /** `connect`: the CONNECT text, sent in one write with the first tick of received audio. */
  constructor(
    private readonly sim: SimState,
    readonly mode: 'tx' | 'rx' | 'duplex',
    private readonly format: SampleFormat,
    connect?: string,
  ) {
    this.encodeRx = format.encoder();
    this.decodeTx = format.decoder();
    this.quietSince = sim.timers.now();
    if (connect !== undefined) this.receive((RATE * TICK_MS) / 1000, connect);
    this.schedule();
  }

  /** Bytes from the host while in the voice state. */
  fromHost(buf: Buffer): void {
    for (const b of buf) {
      if (this.sim.voice !== this) return; // the state ended at <DLE><ETX>: what follows is not audio
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
    else if (b === ETX && this.mode !== 'rx') {
      this.ending = true;
      // Nothing left to play (the host sent no more, or cleared it with <DLE><CAN>): the state ends now,
      // not at the next 20 ms tick of the pacing — a tick is the simulator's, not the modem's.
      if (this.buffer.length === 0) this.finish();
    } else if (b === 0x18)
      this.buffer = []; // <DLE><CAN>: drop what is not played yet
    else if ((b === 0x21 || (b === 0x1b && this.sim.profile.echoesEtx)) && this.mode === 'rx')
      this.finish(); // <DLE>! / <DLE><ESC>
    else if (b === 0x5e && this.mode === 'duplex') this.finish(); // <DLE>^
  }

  private schedule(): void {
    this.timer = this.sim.timers.setTimeout(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    this.timer = null;
    const n = Math.round((this.format.bytesPerSecond * TICK_MS) / 1000);
    if (this.mode !== 'rx') this.drain(n);
    if (this.mode !== 'tx' && this.sim.voice === this) this.receive((RATE * TICK_MS) / 1000);
    if (this.sim.voice === this) this.schedule();
  }

  private drain(n: number): void {
    const take = this.buffer.splice(0, n);
    if (take.length) {
      const pcm = this.decodeTx(Uint8Array.from(take));
      this.played.push(pcm);
      this.playedSamples += pcm.length;
    }
    if (this.buffer.length <= this.format.bytesPerSecond * TX_LOW_S) this.sim.setClearToSend(true);
    if (take.length < n && this.started && !this.ending && !this.underrun) {
      this.underrun = true;
      this.sim.send(Buffer.from([DLE, 0x75])); // <DLE>u
    }
    if (this.ending && this.buffer.length === 0) this.finish();
  }

  /**
   * One tick of the caller's audio (`samples` of it; silence, encoded, once it is over — or, on the
   * demo line while a conversation is recorded, the demo conversation, so both sides are heard).
   */
  private receive(samples: number, before = ''): void {
    const audio = this.sim.callerAudio();
    const pcm = new Int16Array(samples);
    const said = audio ? Math.max(0, Math.min(samples, audio.length - this.rxSamples)) : 0;
    if (said > 0) pcm.set(audio!.subarray(this.rxSamples, this.rxSamples + said));
    const talk = this.sim.conversationHeard();
    if (talk && said < samples) pcm.set(conversation(this.rxSamples + said, samples - said), said);
    const out: number[] = [];
    for (const byte of this.encodeRx(pcm)) {
      out.push(byte);
      if (byte === DLE) out.push(DLE);
    }
    const speaking = said > 0 || talk;
    this.rxSamples += samples;
    this.sim.send(Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from(out)]));
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
      const pcm = new Int16Array(this.played.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of this.played) {
        pcm.set(c, o);
        o += c.length;
      }
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
