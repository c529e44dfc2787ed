/**
 * The fax pages' own PNG decoder against netpbm's independent encoder (pnmtopng): RGB, grey, a palette,
 * 16-bit samples, Adam7 interlacing and an alpha channel all decode to the pixels they were made from;
 * and a JPEG (encoded by Skia) decodes through pdf.js's decoder to its picture.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { decodePng } from '../../src/main/fax/pages/png-decode';
import { loadJpegDecoder } from '../../src/main/fax/pages/pdfjs-loader';
import { describeWithTools } from '../helpers/reference-tools';

const W = 37; // odd sizes exercise partial bytes and every interlace pass
const H = 23;
const rgb = (x: number, y: number): [number, number, number] => [(x * 7) % 256, (y * 11) % 256, (x * y) % 256];
const grey = (x: number, y: number) => (x * 5 + y * 3) % 256;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-png-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pnmtopng(pnm: Buffer, args: string[], name: string): Buffer {
  const src = path.join(dir, `${name}.pnm`);
  writeFileSync(src, pnm);
  const r = spawnSync('pnmtopng', [...args, src], { maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`pnmtopng ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

const ppm = (maxval = 255) => {
  const wide = maxval > 255;
  const body = Buffer.alloc(W * H * 3 * (wide ? 2 : 1));
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      rgb(x, y).forEach((v, c) => {
        const i = (y * W + x) * 3 + c;
        if (wide) body.writeUInt16BE(v * 257, i * 2);
        else body[i] = v;
      });
  return Buffer.concat([Buffer.from(`P6\n${W} ${H}\n${maxval}\n`), body]);
};
const pgm = () => Buffer.concat([Buffer.from(`P5\n${W} ${H}\n255\n`), Buffer.from(Array.from({ length: W * H }, (_, i) => grey(i % W, Math.floor(i / W))))]);
/** Four colours only, so pnmtopng writes a palette. */
const fourColours = () => {
  const body = Buffer.alloc(W * H * 3);
  for (let i = 0; i < W * H; i++)
    body.set(
      [
        [0, 0, 0],
        [255, 0, 0],
        [0, 128, 255],
        [255, 255, 255],
      ][i % 4]!,
      i * 3,
    );
  return Buffer.concat([Buffer.from(`P6\n${W} ${H}\n255\n`), body]);
};

describeWithTools(['pnmtopng'], 'netpbm')('PNG decoding (against pnmtopng)', () => {
  test.each([
    ['RGB 8-bit', () => ppm(), [] as string[]],
    ['RGB 16-bit', () => ppm(65535), []],
    ['RGB interlaced', () => ppm(), ['-interlace']],
  ])('%s decodes to the source pixels', (name, make, args) => {
    const out = decodePng(pnmtopng(make(), args, name.replace(/\W/g, '')), 1e6);
    expect([out.width, out.height]).toEqual([W, H]);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) expect([x, y, ...out.data.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)]).toEqual([x, y, ...rgb(x, y), 255]);
  });

  test('grey, grey interlaced and a palette decode to the source pixels', () => {
    for (const args of [[], ['-interlace']]) {
      const out = decodePng(pnmtopng(pgm(), args, 'grey'), 1e6);
      for (let i = 0; i < W * H; i++) expect(out.data[i * 4]).toBe(grey(i % W, Math.floor(i / W)));
    }
    const png = pnmtopng(fourColours(), [], 'palette');
    expect(png[25]).toBe(3); // IHDR colour type 3: a palette (pnmtopng chose it)
    const out = decodePng(png, 1e6);
    const colours = [
      [0, 0, 0],
      [255, 0, 0],
      [0, 128, 255],
      [255, 255, 255],
    ];
    for (let i = 0; i < W * H; i++) expect([...out.data.subarray(i * 4, i * 4 + 3)]).toEqual(colours[i % 4]);
  });

  test('an alpha channel is kept (the page renderer lays it over white paper)', () => {
    const alpha = path.join(dir, 'alpha.pgm');
    writeFileSync(alpha, Buffer.concat([Buffer.from(`P5\n${W} ${H}\n255\n`), Buffer.from(Array.from({ length: W * H }, (_, i) => (i % W) * 6))]));
    const out = decodePng(pnmtopng(ppm(), [`-alpha=${alpha}`], 'alpha'), 1e6);
    for (let i = 0; i < W * H; i++) expect(out.data[i * 4 + 3]).toBe((i % W) * 6);
  });

  test('too many pixels is refused from the header', () => {
    expect(() => decodePng(pnmtopng(ppm(), [], 'big'), 100)).toThrow('too large');
  });
});

test('a JPEG decodes (pdf.js decoder) to its picture: a left-black, right-white image', async () => {
  const canvas = createCanvas(64, 48);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 64, 48);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 32, 48);
  const jpeg = await canvas.encode('jpeg', 95);
  const { JpegImage } = await loadJpegDecoder();
  const j = new JpegImage();
  j.parse(new Uint8Array(jpeg));
  const data = j.getData({ width: j.width, height: j.height, forceRGBA: true });
  expect([j.width, j.height]).toEqual([64, 48]);
  expect(data[(24 * 64 + 8) * 4]).toBeLessThan(20);
  expect(data[(24 * 64 + 56) * 4]).toBeGreaterThan(235);
});
