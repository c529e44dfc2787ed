import { alawDecodeSample, alawEncodeSample, getCodec, ulawDecodeSample, ulawEncodeSample } from '../../../src/telephony/audio/codecs';

describe('G.711 and linear codecs', () => {
  test('well-known code points', () => {
    expect(ulawEncodeSample(0)).toBe(0xff);
    expect(ulawDecodeSample(0xff)).toBe(0);
    expect(ulawDecodeSample(0x00)).toBe(-32124);
    expect(ulawDecodeSample(0x80)).toBe(32124);
    expect(alawEncodeSample(0)).toBe(0xd5);
    expect(alawDecodeSample(0xd5)).toBe(8);
    expect(alawDecodeSample(0x2a)).toBe(-32256);
    expect(alawDecodeSample(0xaa)).toBe(32256);
  });
  test.each(['ulaw', 'alaw'] as const)('%s round trip within the segment step (≤ 1/16 relative + small floor)', (name) => {
    const c = getCodec(name);
    const pcm = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    const back = c.decode(c.encode(pcm));
    for (let i = 0; i < pcm.length; i += 7) {
      const x = pcm[i]!;
      expect(Math.abs(back[i]! - x)).toBeLessThanOrEqual(Math.max(32, Math.abs(x) / 16 + 16) * 1.1 + 8);
    }
  });
  test('8-bit linear: unsigned silence is 0x80, 16-bit round trip is exact', () => {
    expect(getCodec('u8').encode(new Int16Array([0, 32767, -32768]))).toEqual(new Uint8Array([0x80, 0xff, 0x00]));
    const pcm = new Int16Array([0, 1, -1, 12345, -32768]);
    expect(getCodec('s16le').decode(getCodec('s16le').encode(pcm))).toEqual(pcm);
  });
  test('16-bit linear keeps a sample split between two received runs; byte codecs hold nothing back', () => {
    const pcm = new Int16Array([0x1234, -2, 300, -32768]);
    const bytes = getCodec('s16le').encode(pcm);
    const c = getCodec('s16le');
    const got = [bytes.subarray(0, 3), bytes.subarray(3, 4), bytes.subarray(4, 7), bytes.subarray(7)].flatMap((run) => Array.from(c.decode(run)));
    expect(Int16Array.from(got)).toEqual(pcm);
    for (const name of ['u8', 's8', 'ulaw', 'alaw', 's16le'] as const) expect(getCodec(name).flush()).toHaveLength(0);
  });
});
