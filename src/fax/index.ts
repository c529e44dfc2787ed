/** The fax layer's pages: the T.4/T.6 codec and TIFF Class F files, in plain TypeScript (no native code, no Node module). */
export type { FaxBitmap } from './t4/bitmap';
export { createBitmap, getPixel, setPixel, sameBitmap, STANDARD_WIDTH } from './t4/bitmap';
export type { EncodeOptions, FaxCoding } from './t4/encode';
export { encodeT4, minLineBitsFor } from './t4/encode';
export type { DecodeOptions, DecodeResult } from './t4/decode';
export { decodeT4 } from './t4/decode';
export type { TiffCompression, TiffPage } from './tiff/tiff-write';
export { writeTiffF } from './tiff/tiff-write';
export type { TiffReadPage } from './tiff/tiff-read';
export { readTiffF, TiffFormatError } from './tiff/tiff-read';
