/** The TIFF 6.0 tags a Class F file uses (TIFF 6.0 §8, §11; TIFF Class F, Cowan 1991) and their field types. */
export const TAG = {
  NewSubfileType: 254,
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  Photometric: 262,
  FillOrder: 266,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  XResolution: 282,
  YResolution: 283,
  T4Options: 292,
  T6Options: 293,
  ResolutionUnit: 296,
  PageNumber: 297,
  Software: 305,
} as const;

export const TYPE = { BYTE: 1, ASCII: 2, SHORT: 3, LONG: 4, RATIONAL: 5 } as const;
export const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };

/** Compression values: 1 none, 3 CCITT T.4 (Group 3), 4 CCITT T.6 (Group 4). */
export const COMPRESSION = { none: 1, t4: 3, t6: 4 } as const;

/** T4Options bits: 0 = 2-D coding (MR), 1 = uncompressed mode allowed, 2 = fill bits before EOL. */
export const T4_2D = 1;
export const T4_UNCOMPRESSED = 2;
export const T4_FILL = 4;
