/**
 * Native HarfBuzz (`hb-shape`, Debian libharfbuzz-bin) as the reference our shaper is compared with,
 * many requests to one process: `hb-shape --batch` reads one command line per input line. The
 * comparison tests make hundreds of requests, and a process per request cost them minutes on a busy
 * machine; the answers are the same (the text goes as code points, `--unicodes`, so no character of
 * it can be taken for batch syntax). A request not prepared in advance is shaped on its own.
 */
import { spawnSync } from 'node:child_process';

export type HbGlyph = { g: number; cl: number; dx: number; dy: number; ax: number; ay: number };

export type HbRequest = {
  font: string;
  text: string;
  /** Omitted: hb-shape guesses, as the plain command does. */
  direction?: 'rtl' | 'ltr';
  script?: string;
  language?: string;
  /** The rest of the line around the text, as context for shaping (not shaped itself). */
  before?: string;
  after?: string;
};

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(',');

function args(r: HbRequest): string[] {
  const a = [`--font-file=${r.font}`, '--output-format=json', '--no-glyph-names'];
  if (r.direction) a.push(`--direction=${r.direction}`);
  if (r.script) a.push(`--script=${r.script}`);
  if (r.language) a.push(`--language=${r.language}`);
  if (r.before) a.push(`--unicodes-before=${hex(r.before)}`);
  if (r.after) a.push(`--unicodes-after=${hex(r.after)}`);
  a.push(`--unicodes=${hex(r.text)}`);
  if (a.some((x) => x.includes(';') || x.includes('\n'))) throw new Error(`hb-shape --batch cannot take ${JSON.stringify(a)}`);
  return a;
}

/** Shapes every request with one hb-shape process; the answers in the requests' order. */
export function hbShapeAll(requests: HbRequest[]): HbGlyph[][] {
  if (requests.length === 0) return [];
  const input = requests.map((r) => args(r).join(';')).join('\n') + '\n';
  const r = spawnSync('hb-shape', ['--batch'], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`hb-shape --batch failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== requests.length) throw new Error(`hb-shape --batch answered ${lines.length} lines for ${requests.length} requests: ${r.stderr}`);
  return lines.map((l) => JSON.parse(l) as HbGlyph[]);
}

/** hb-shape with answers prepared in one batch (`prepare`), each looked up by its request. */
export function hbShaper() {
  const answers = new Map<string, HbGlyph[]>();
  const key = (r: HbRequest) => JSON.stringify([r.font, r.text, r.direction, r.script, r.language, r.before ?? '', r.after ?? '']);
  return {
    prepare(requests: HbRequest[]): void {
      const todo = requests.filter((r) => !answers.has(key(r)));
      hbShapeAll(todo).forEach((glyphs, i) => answers.set(key(todo[i]!), glyphs));
    },
    shape(r: HbRequest): HbGlyph[] {
      const hit = answers.get(key(r));
      if (hit) return hit;
      const [glyphs] = hbShapeAll([r]);
      answers.set(key(r), glyphs!);
      return glyphs!;
    },
  };
}
