/** Prompt audio: WAV files of every layout become 8 kHz 16-bit mono at one loudness. */
import { parseWav, readPcm16, writeWav, WavError } from '../../src/main/ivr/audio/wav';
import { gatedLevelDb, resample, toLineAudio } from '../../src/main/ivr/audio/pcm-convert';
import { makeWav, rmsDb, tone } from './audio-helpers';

describe('WAV import', () => {
  test.each([
    [44100, 2, 16, 'pcm'],
    [48000, 1, 24, 'pcm'],
    [22050, 2, 8, 'pcm'],
    [16000, 1, 32, 'pcm'],
    [44100, 2, 32, 'float'],
    [8000, 1, 16, 'pcm'],
  ] as const)('%i Hz, %i channel(s), %i-bit %s → 8 kHz mono at -20 dBFS', (rate, channels, bits, format) => {
    const src = tone(440, 1000, rate, 0.05);
    const wav = makeWav(
      Array.from({ length: channels }, () => src),
      rate,
      bits,
      format,
    );
    const a = parseWav(wav);
    expect(a.rate).toBe(rate);
    expect(a.channels).toHaveLength(channels);
    const pcm = toLineAudio(a);
    expect(Math.abs(pcm.length - 8000)).toBeLessThanOrEqual(1);
    // A sine's RMS is 3 dB under its peak: -20 dBFS RMS whatever the file's own level was.
    expect(rmsDb(pcm.subarray(100, 7900))).toBeCloseTo(-20, 0);
    // Still a 440 Hz tone: count zero crossings over the second.
    let z = 0;
    for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) z++;
    expect(z).toBeGreaterThan(870);
    expect(z).toBeLessThan(890);
  });

  test('a 3 kHz tone (-9 dBFS) survives resampling from 44.1 kHz within 4 dB; 6 kHz (above the phone band) is filtered, not aliased', () => {
    const pass = resample(tone(3000, 500, 44100), 44100);
    const stop = resample(tone(6000, 500, 44100), 44100);
    expect(gatedLevelDb(pass)).toBeGreaterThan(-13);
    expect(gatedLevelDb(stop)).toBeLessThan(-40);
  });

  test('loud speech with quiet pauses is normalised by its speech, and the peak stays under -1 dBFS', () => {
    const loud = Float32Array.from([...tone(300, 500, 8000, 0.9), ...new Float32Array(4000), ...tone(300, 500, 8000, 0.9)]);
    const pcm = toLineAudio({ rate: 8000, channels: [loud] });
    const peak = Math.max(...Array.from(pcm, Math.abs));
    expect(peak / 32768).toBeLessThan(0.9);
    expect(rmsDb(pcm.subarray(200, 3800))).toBeCloseTo(-20, 0);
  });

  test('what is written reads back exactly; broken files are refused with a reason', () => {
    const pcm = Int16Array.from({ length: 800 }, (_, i) => ((i * 97) % 30000) - 15000);
    const back = readPcm16(writeWav(pcm));
    expect(back.rate).toBe(8000);
    expect(Array.from(back.pcm)).toEqual(Array.from(pcm));
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(WavError);
    const header = writeWav(new Int16Array(0));
    expect(() => parseWav(header)).toThrow(/no samples/);
  });

  test('a streamed WAV whose data size says 0 is read to the end of the file', () => {
    const wav = writeWav(Int16Array.from({ length: 400 }, () => 1000));
    wav.writeUInt32LE(0, 40);
    expect(readPcm16(wav).pcm.length).toBe(400);
  });
});
