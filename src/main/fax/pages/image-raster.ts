/**
 * A PNG or JPEG → the grey pixels of one fax page: decoded in JavaScript (png-decode.ts; pdf.js's JPEG
 * decoder) — never by the canvas's native decoder, which a damaged file crashed — a JPEG turned upright
 * as its EXIF orientation says (jpeg-orientation.ts: a phone photo held upright), fitted to the
 * paper keeping its shape (an image has no physical size we trust, so it fills the paper's width, or
 * its length when it is longer than the paper), turned a quarter when it is landscape, and resampled
 * with Skia's high-quality filter at 204 × 98/196 pixels per inch.
 */
import { createCanvas, ImageData } from './napi-canvas';
import { rgbaToGrey } from './bilevel';
import { faxDocumentError } from './document-errors';
import { imageSize } from './document-kind';
import { fitOnPage, turnsOnPage, type PageGeometry } from './page-format';
import { AppError } from '../../kernel/app-error';
import { jpegOrientation, uprightPixels } from './jpeg-orientation';
import { loadJpegDecoder } from './pdfjs-loader';
import { decodePng, type Rgba } from './png-decode';

/** Decoding needs 4 bytes per pixel: 40 megapixels (a 7,300 × 5,500 photo) is 160 MB, the most we let one file take. */
export const MAX_IMAGE_MEGAPIXELS = 40;

/** Refuses an image whose header gives no size, or too many pixels, before anything is decoded. */
export function checkImageHeader(bytes: Uint8Array, kind: 'png' | 'jpeg', fileName: string): void {
  const size = imageSize(bytes, kind);
  if (!size || size.width === 0 || size.height === 0) throw faxDocumentError('bad_image', fileName);
  if (size.width * size.height > MAX_IMAGE_MEGAPIXELS * 1e6) {
    throw new AppError('fax/document', 'fax.image_too_large', { file: fileName, width: size.width, height: size.height, max: MAX_IMAGE_MEGAPIXELS }, 'file');
  }
}

export async function renderImage(bytes: Uint8Array, kind: 'png' | 'jpeg', fileName: string, g: PageGeometry): Promise<Uint8Array> {
  checkImageHeader(bytes, kind, fileName);
  let rgba: Rgba;
  try {
    rgba = kind === 'png' ? decodePng(bytes, MAX_IMAGE_MEGAPIXELS * 1e6) : uprightPixels(await decodeJpeg(bytes), jpegOrientation(bytes));
  } catch {
    throw faxDocumentError('bad_image', fileName);
  }
  const image = createCanvas(rgba.width, rgba.height);
  image.getContext('2d').putImageData(new ImageData(rgba.data, rgba.width, rgba.height), 0, 0);
  const turn = turnsOnPage(image.width, image.height);
  const [w, h] = turn ? [image.height, image.width] : [image.width, image.height];
  const fit = fitOnPage(g, w, h);
  const canvas = createCanvas(g.width, g.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, g.width, g.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (turn) {
    // A quarter turn clockwise: the image's left edge becomes the top of the page.
    ctx.translate(fit.x + fit.w, fit.y);
    ctx.rotate(Math.PI / 2);
    ctx.drawImage(image, 0, 0, fit.h, fit.w);
  } else {
    ctx.drawImage(image, fit.x, fit.y, fit.w, fit.h);
  }
  // The canvas's own pixels (RGBA, premultiplied — the same as straight here: the page was filled with opaque
  // white first); getImageData would copy and un-premultiply them, which cost more than drawing the page.
  return rgbaToGrey(canvas.data(), g.width * g.height);
}

async function decodeJpeg(bytes: Uint8Array): Promise<Rgba> {
  const { JpegImage } = await loadJpegDecoder();
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  if (jpeg.width * jpeg.height > MAX_IMAGE_MEGAPIXELS * 1e6) throw new Error('too large');
  return { width: jpeg.width, height: jpeg.height, data: jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true }) };
}
