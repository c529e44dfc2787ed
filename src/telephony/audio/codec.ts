/** The codec type every sample format implements (codecs.ts has the 8- and 16-bit ones, ima-adpcm.ts IMA), apart so that neither imports the other. */
export type CodecName = 'u8' | 's8' | 's16le' | 'ulaw' | 'alaw' | 'ima';

/**
 * The codec of ONE voice stream (one +VTX or +VRX): take a fresh one from `getCodec` per stream and
 * feed it that stream's chunks in order. IMA ADPCM carries its prediction from chunk to chunk and
 * holds an odd sample for its partner nibble; 16-bit linear holds an odd received byte. A codec shared
 * by two streams, or reused after `flush`, would start the second from the first one's state.
 */
export type Codec = {
  name: CodecName;
  bitsPerSample: number;
  /** The next samples of the stream. What does not fill a whole byte yet is held for the next call. */
  encode(pcm: Int16Array): Uint8Array;
  /** Ends an encoded stream: the held part of a byte, padded (empty when nothing is held). */
  flush(): Uint8Array;
  /** The next bytes of the stream, in runs of any length (a sample split between runs is kept). */
  decode(bytes: Uint8Array): Int16Array;
  /** The byte that means silence, for padding. */
  silenceByte: number;
};
