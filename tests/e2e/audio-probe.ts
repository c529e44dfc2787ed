/**
 * Was the sound actually played? A probe installed in the page before the app loads watches every
 * media element that is asked to play, keeps the Blob behind every blob: URL the page makes, taps
 * every Web Audio node connected to the speakers, and records Content-Security-Policy violations
 * (the event and the console line). The checks then look at the outcome — the element playing with
 * its time advancing, the samples it was given not silent, no CSP error — not at a button.
 */
import type { Page } from 'playwright-core';

export type PlayedSound = {
  src: string;
  paused: boolean;
  ended: boolean;
  /** The element's time at the first look and 300 ms later (or at its end). */
  times: [number, number];
  /** The media error code, if the element failed (4 = source not supported / blocked). */
  error: number | null;
  /** RMS (0…1) of the decoded samples behind the element's blob: URL; null when src is not a blob. */
  rms: number | null;
};

type ProbeWindow = {
  __probe: {
    played: HTMLMediaElement[];
    blobs: Map<string, Blob>;
    csp: string[];
    taps: AnalyserNode[];
    /** The loudest RMS any tap heard since the last `webAudioRms()`. */
    loudest: number;
  };
};

export type AudioProbe = {
  /** CSP violations seen so far (event and console), for `expect(...).toEqual([])`. */
  cspErrors(): Promise<string[]>;
  /** How many media elements the page has asked to play. */
  playCount(): Promise<number>;
  /** Waits for the `index`-th media element asked to play (default: the last) to play or end, and reports it. */
  lastPlayed(index?: number): Promise<PlayedSound>;
  /** The loudest RMS heard on any Web Audio output since the last call, waiting `ms` more first (0: nothing sounded). */
  webAudioRms(ms: number): Promise<number>;
};

/** Installs the probe; call before `page.goto`. */
export async function installAudioProbe(page: Page): Promise<AudioProbe> {
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as ProbeWindow;
    const probe: ProbeWindow['__probe'] = { played: [], blobs: new Map(), csp: [], taps: [], loudest: 0 };
    w.__probe = probe;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!probe.played.includes(this)) probe.played.push(this);
      return play.call(this);
    };
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const u = create(o);
      if (o instanceof Blob) probe.blobs.set(u, o);
      return u;
    };
    const onViolation = (e: SecurityPolicyViolationEvent) =>
      probe.csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`);
    // Capturing on the window sees the violations of the document and of every element.
    window.addEventListener('securitypolicyviolation', onViolation, true);
    // Everything connected to the speakers is also fed to an analyser, which hears what they hear.
    const connect = AudioNode.prototype.connect as (this: AudioNode, d: AudioNode | AudioParam, o?: number, i?: number) => AudioNode | undefined;
    AudioNode.prototype.connect = function (this: AudioNode, dest: AudioNode | AudioParam, out?: number, inp?: number) {
      if (dest instanceof AudioDestinationNode) {
        const tap = this.context.createAnalyser();
        tap.fftSize = 2048;
        connect.call(this, tap);
        probe.taps.push(tap);
      }
      return connect.call(this, dest, out, inp);
    } as typeof AudioNode.prototype.connect;
    // Listened to all the time, so a short sound is caught however late the test asks.
    const buf = new Float32Array(2048);
    setInterval(() => {
      for (const tap of probe.taps) {
        tap.getFloatTimeDomainData(buf);
        let sum = 0;
        for (const v of buf) sum += v * v;
        probe.loudest = Math.max(probe.loudest, Math.sqrt(sum / buf.length));
      }
    }, 20);
  });
  return {
    cspErrors: async () => [...consoleCsp, ...(await page.evaluate(() => (window as unknown as ProbeWindow).__probe.csp))],
    playCount: () => page.evaluate(() => (window as unknown as ProbeWindow).__probe.played.length),
    lastPlayed: (index) =>
      page.evaluate(async (index) => {
        const probe = (window as unknown as ProbeWindow).__probe;
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const pick = () => (index === undefined ? probe.played.at(-1) : probe.played[index]);
        for (let i = 0; i < 50 && !pick(); i++) await sleep(100);
        const el = pick();
        if (!el) throw new Error('no media element was asked to play');
        // Give it up to 5 s to start (or to fail).
        for (let i = 0; i < 50 && !el.ended && !el.error && (el.paused || el.currentTime === 0); i++) await sleep(100);
        const t0 = el.currentTime;
        await sleep(300);
        const t1 = el.currentTime;
        let rms: number | null = null;
        const blob = probe.blobs.get(el.src);
        if (blob) {
          const ctx = new OfflineAudioContext(1, 1, 8000);
          const audio = await ctx.decodeAudioData(await blob.arrayBuffer());
          const s = audio.getChannelData(0);
          let sum = 0;
          for (let k = 0; k < s.length; k++) sum += s[k]! * s[k]!;
          rms = Math.sqrt(sum / Math.max(1, s.length));
        }
        return { src: el.src.slice(0, 40), paused: el.paused, ended: el.ended, times: [t0, t1] as [number, number], error: el.error?.code ?? null, rms };
      }, index),
    webAudioRms: (ms) =>
      page.evaluate(async (ms) => {
        const probe = (window as unknown as ProbeWindow).__probe;
        await new Promise((r) => setTimeout(r, ms));
        const loudest = probe.loudest;
        probe.loudest = 0;
        return loudest;
      }, ms),
  };
}

/** The outcome of a play: the element plays (its time advances) or has played to its end, and its samples are not silence. */
export function expectHeard(s: PlayedSound, minRms = 0.01): void {
  expect({ src: s.src.split(':')[0], error: s.error }).toEqual({ src: 'blob', error: null });
  expect(s.ended || (!s.paused && s.times[1] > s.times[0])).toBe(true);
  expect(s.rms).toBeGreaterThan(minRms);
}
