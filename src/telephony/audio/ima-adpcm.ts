/**
 * IMA/DVI ADPCM, 4 bits a sample, as V.253 modems speak it ("IMA ADPCM" in +VSM=?): the algorithm of
 * the IMA Digital Audio Technical Working Group's recommended practice (1992), with its 89-entry
 * step table and 8-entry index table. How it sits on the modem line was found by experiment against
 * mgetty-voice's pvftormd `V253modem 5` (the converter vgetty feeds these modems with), and the tests
 * repeat the experiment (tests/telephony/audio/ima-adpcm.test.ts):
 *  - two samples a byte, the FIRST sample in the LOW nibble;
 *  - a voice data state (+VTX, +VRX) starts afresh at predictor 0, step index 0: no header, no blocks;
 *  - the step is reconstructed by the reference's shift-and-add (step>>3, plus step, step>>1, step>>2
 *    for the three magnitude bits) in the encoder and the decoder alike, so the decoder lands exactly
 *    on the encoder's prediction. pvftormd encodes this way, byte for byte. Its partner rmdtopvf
 *    decodes with ((2m+1)·step)>>3 instead: the rounding differs by a unit or two a sample and, as
 *    nothing pulls the two predictions together again, adds up to a growing DC offset — on 2 s of
 *    the tests' voice-like signal from pvftormd, 610 apart at the end and 18.4 dB from the input
 *    against our 22.8 dB — so ours keeps the reference's form.
 */
import type { Codec } from './codec';

export const IMA_STEPS: readonly number[] = [
  7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80, 88, 97, 107, 118, 130, 143, 157, 173, 190, 209, 230, 253,
  279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724, 796, 876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327, 3660,
  4026, 4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767,
];

/** How the step index moves after a code, by its magnitude (the low three bits). */
export const IMA_INDEX_MOVES: readonly number[] = [-1, -1, -1, -1, 2, 4, 6, 8];

/** What encoder and decoder both carry from one sample to the next. */
export type ImaState = { predictor: number; index: number };

export const imaInitialState = (): ImaState => ({ predictor: 0, index: 0 });

/** Moves the state by one code; returns the new prediction (= the decoded sample). */
function advance(st: ImaState, code: number): number {
  const step = IMA_STEPS[st.index]!;
  let delta = step >> 3;
  if (code & 4) delta += step;
  if (code & 2) delta += step >> 1;
  if (code & 1) delta += step >> 2;
  st.predictor = Math.max(-32768, Math.min(32767, code & 8 ? st.predictor - delta : st.predictor + delta));
  st.index = Math.max(0, Math.min(IMA_STEPS.length - 1, st.index + IMA_INDEX_MOVES[code & 7]!));
  return st.predictor;
}

/** The 4-bit code for one sample; the state moves exactly as the decoder's will. */
export function imaEncodeSample(st: ImaState, sample: number): number {
  const step = IMA_STEPS[st.index]!;
  let diff = sample - st.predictor;
  let code = 0;
  if (diff < 0) {
    code = 8;
    diff = -diff;
  }
  if (diff >= step) {
    code |= 4;
    diff -= step;
  }
  if (diff >= step >> 1) {
    code |= 2;
    diff -= step >> 1;
  }
  if (diff >= step >> 2) code |= 1;
  advance(st, code);
  return code;
}

export function imaDecodeSample(st: ImaState, code: number): number {
  return advance(st, code & 0x0f);
}

/**
 * One stream's IMA ADPCM codec. An odd sample at the end of an `encode` waits for the next call (so a
 * stream cut into chunks of any length gives the same bytes as in one piece); `flush` ends the stream,
 * pairing it with a pad sample equal to the prediction (code 0, the smallest move there is).
 */
export function createImaCodec(): Codec {
  const enc = imaInitialState();
  const dec = imaInitialState();
  let held: number | null = null;
  return {
    name: 'ima',
    bitsPerSample: 4,
    silenceByte: 0x80, // codes 0 then 8: up and down by the smallest step, the prediction stays put
    encode(pcm) {
      const total = pcm.length + (held === null ? 0 : 1);
      const out = new Uint8Array(total >> 1);
      let o = 0;
      for (const s of pcm) {
        const code = imaEncodeSample(enc, s);
        if (held === null) held = code;
        else {
          out[o++] = held | (code << 4);
          held = null;
        }
      }
      return out;
    },
    flush() {
      if (held === null) return new Uint8Array(0);
      const byte = held | (imaEncodeSample(enc, enc.predictor) << 4);
      held = null;
      return Uint8Array.of(byte);
    },
    decode(bytes) {
      const out = new Int16Array(bytes.length * 2);
      for (let i = 0; i < bytes.length; i++) {
        out[2 * i] = imaDecodeSample(dec, bytes[i]! & 0x0f);
        out[2 * i + 1] = imaDecodeSample(dec, bytes[i]! >> 4);
      }
      return out;
    },
  };
}
