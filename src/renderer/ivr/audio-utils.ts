/**
 * Audio in the page: any file the browser can decode (WAV, MP3, OGG, Opus, AAC, FLAC…) or a
 * microphone recording becomes a WAV for the engine, which resamples and normalises it; playing a
 * stored WAV back uses an <audio> element.
 */

/** 16-bit mono WAV of float samples. */
export function encodeWav(samples: Float32Array, rate: number): Uint8Array {
  const data = samples.length * 2;
  const buf = new ArrayBuffer(44 + data);
  const v = new DataView(buf);
  const str = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, 36 + data, true);
  str(8, 'WAVEfmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  str(36, 'data');
  v.setUint32(40, data, true);
  for (let i = 0; i < samples.length; i++) v.setInt16(44 + 2 * i, Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767))), true);
  return new Uint8Array(buf);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const isWav = (b: Uint8Array) => b.length > 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WAVE';

/** Decoded audio mixed to mono, as a WAV at the audio's own rate. */
async function decodeToWav(bytes: ArrayBuffer): Promise<Uint8Array> {
  const ctx = new AudioContext();
  try {
    const audio = await ctx.decodeAudioData(bytes);
    const mono = new Float32Array(audio.length);
    for (let c = 0; c < audio.numberOfChannels; c++) {
      const ch = audio.getChannelData(c);
      for (let i = 0; i < mono.length; i++) mono[i]! += ch[i]! / audio.numberOfChannels;
    }
    return encodeWav(mono, audio.sampleRate);
  } finally {
    void ctx.close();
  }
}

/** A picked audio file as base64 WAV: WAV files go as they are (the engine reads every layout). */
export async function fileToWavBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return toBase64(isWav(bytes) ? bytes : await decodeToWav(bytes.buffer));
}

/** A microphone recording in progress; `stop()` resolves with the WAV as base64. */
export async function startRecording(): Promise<{ stop(): Promise<string>; cancel(): void }> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  const rec = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  rec.ondataavailable = (e) => chunks.push(e.data);
  rec.start();
  const end = () => stream.getTracks().forEach((t) => t.stop());
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        rec.onstop = () => {
          end();
          fileToWavBase64(new Blob(chunks, { type: rec.mimeType })).then(resolve, reject);
        };
        rec.stop();
      }),
    cancel: () => {
      rec.onstop = end;
      rec.stop();
    },
  };
}

/** A stored WAV ready to play, and how to let it go. */
export type WavAudio = { el: HTMLAudioElement; release(): void };

/**
 * A stored WAV (base64 from the engine) as an <audio> element on a blob: URL. The Content Security
 * Policy allows media from 'self' and blob: only — a data: URL is refused and the element stays
 * silent — so the bytes become a Blob; `release()` stops the element and frees the URL.
 */
export function wavAudio(base64: string): WavAudio {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  const el = new Audio(url);
  return {
    el,
    release: () => {
      // Let go quietly: the element must not report the revoked URL as a failed play.
      el.onerror = null;
      el.pause();
      URL.revokeObjectURL(url);
    },
  };
}

/**
 * Why `play()` was refused: the browser wants a click in the page first, or the audio cannot be
 * played at all; null when the play was only cut short by a pause or a newer play (not a failure).
 */
export function playFailure(e: unknown): 'blocked' | 'failed' | null {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'AbortError') return null;
  return name === 'NotAllowedError' ? 'blocked' : 'failed';
}
