/**
 * @napi-rs/canvas (Skia, a native module), loaded by the first fax page drawn instead of when the engine
 * starts: it was about 130 of the 950 ms of CPU `monshi serve` spent starting (node --cpu-prof).
 */
import type * as Canvas from '@napi-rs/canvas';

let loaded: typeof Canvas | null = null;

function canvas(): typeof Canvas {
  // A plain require at first use (a native package outside the bundle), not an import at load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@napi-rs/canvas') as typeof Canvas;
  return loaded;
}

export const createCanvas = (width: number, height: number): Canvas.Canvas => canvas().createCanvas(width, height);

/** `new ImageData(…)` as with the package's class: a constructor that returns an object makes `new` give that object. */
export const ImageData = function ImageData(...args: ConstructorParameters<typeof Canvas.ImageData>): Canvas.ImageData {
  const { ImageData: Loaded } = canvas();
  return new Loaded(...args);
} as unknown as typeof Canvas.ImageData;
