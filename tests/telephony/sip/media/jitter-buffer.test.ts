/**
 * The jitter buffer against a scripted packet stream: what comes out each 20 ms turn when packets arrive
 * reordered, lost, twice, late, across the sequence wrap at 65535, after a long silence and from a new
 * stream. Each frame carries its sequence number as its first sample so the order is readable.
 */
import { JitterBuffer, type Frame } from '../../../../src/telephony/sip/media/jitter-buffer';

const frame = (seq: number) => Int16Array.of(seq - 32768 * Math.floor(seq / 32768), 0, 0);
const read = (f: Frame | null) => (f === null ? null : f.kind === 'silence' ? 'silence' : `${f.kind === 'repeat' ? 'repeat ' : ''}${f.pcm[0]}`);

function run(jb: JitterBuffer, script: (number | 'tick')[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (const s of script) {
    if (s === 'tick') out.push(read(jb.pop()));
    else jb.push(s & 0xffff, frame(s & 0xffff));
  }
  return out;
}

describe('JitterBuffer', () => {
  test('waits for its depth, then plays in sequence order one frame a turn', () => {
    const jb = new JitterBuffer({ depth: 2 });
    expect(run(jb, [100, 'tick', 101, 'tick', 102, 'tick', 103, 'tick', 'tick'])).toEqual([null, '100', '101', '102', '103']);
  });

  test('puts reordered packets back in order', () => {
    const jb = new JitterBuffer({ depth: 3 });
    expect(run(jb, [12, 10, 11, 'tick', 14, 13, 'tick', 'tick', 'tick', 'tick'])).toEqual(['10', '11', '12', '13', '14']);
  });

  test('the first packet to arrive need not be the first sent: playing starts at the lowest held', () => {
    const jb = new JitterBuffer({ depth: 2 });
    expect(run(jb, [51, 50, 'tick', 'tick'])).toEqual(['50', '51']);
  });

  test("fills a lost packet's turn with the last frame once, then silence, and plays on after the gap", () => {
    const jb = new JitterBuffer({ depth: 2 });
    expect(run(jb, [20, 21, 'tick', 'tick', 24, 'tick', 'tick', 'tick', 25, 'tick'])).toEqual(['20', '21', 'repeat 21', 'silence', '24', '25']);
    expect(jb.stats.concealed).toBe(2);
  });

  test('drops a duplicate and a packet that arrives after its turn was played', () => {
    const jb = new JitterBuffer({ depth: 2 });
    expect(jb.push(30, frame(30))).toBe('held');
    expect(jb.push(30, frame(30))).toBe('duplicate');
    jb.push(32, frame(32));
    expect(run(jb, ['tick', 'tick'])).toEqual(['30', 'repeat 30']);
    expect(jb.push(31, frame(31))).toBe('late');
    expect(run(jb, ['tick'])).toEqual(['32']);
    expect(jb.stats).toMatchObject({ duplicate: 1, late: 1 });
  });

  test('plays straight across the sequence wrap at 65535, reordered there too', () => {
    const jb = new JitterBuffer({ depth: 2 });
    expect(run(jb, [65534, 65535, 'tick', 1, 'tick', 0, 'tick', 'tick', 2, 'tick'])).toEqual(['32766', '32767', '0', '1', '2']);
    expect(jb.stats).toMatchObject({ late: 0, resets: 0, concealed: 0 });
  });

  test('goes quiet when the far end stops sending (hold), and starts over on its next packet', () => {
    const jb = new JitterBuffer({ depth: 2, idleFrames: 3 });
    const out = run(jb, [1, 2, 'tick', 'tick', 'tick', 'tick', 'tick', 'tick', 'tick', 500, 501, 'tick', 'tick']);
    expect(out).toEqual(['1', '2', 'repeat 2', 'silence', null, null, null, '500', '501']);
  });

  test('a jump far ahead is a new stream: it restarts instead of playing seconds of silence', () => {
    const jb = new JitterBuffer({ depth: 2, maxAhead: 50 });
    expect(run(jb, [7, 8, 'tick', 'tick', 9000, 9001, 'tick', 'tick'])).toEqual(['7', '8', '9000', '9001'].map((s) => String(Number(s) % 32768)));
    expect(jb.stats.resets).toBe(1);
  });

  test('a lone packet that never gets company does not sit in the buffer for ever', () => {
    const jb = new JitterBuffer({ depth: 2, idleFrames: 3 });
    expect(run(jb, [5, 'tick', 'tick', 'tick', 40, 41, 'tick'])).toEqual([null, null, null, '40']);
  });
});
