/**
 * The demo line's conversation: what a recording of a call on the demo line hears when the demo
 * caller has nothing queued to say. On a real line a conversation recording (+VLS "LT": the modem
 * and the phone on its PHONE socket both on the line) hears both people; the demo has no phone and
 * no person, so without this a first try of call recording stored digital silence and looked broken.
 * Two voice-like sounds take turns — the caller (low voice) and the front desk (higher voice) — with a
 * short pause between turns, so both sides are audible and told apart.
 */

const RATE = 8000;
/** One turn of speech, then the pause before the other side answers. */
const TURN_S = 2.2;
const PAUSE_S = 0.4;
/** Pitch of each side (Hz): a low and a higher adult voice. */
export const CONVERSATION_PITCH = { caller: 130, desk: 210 } as const;

/** The conversation from its sample `from` on, `n` samples (8 kHz, 16-bit). */
export function conversation(from: number, n: number): Int16Array {
  const out = new Int16Array(n);
  const cycle = 2 * (TURN_S + PAUSE_S);
  for (let k = 0; k < n; k++) {
    const t = (from + k) / RATE;
    const inCycle = t % cycle;
    const side = inCycle < TURN_S + PAUSE_S ? 'caller' : 'desk';
    const inTurn = inCycle % (TURN_S + PAUSE_S);
    if (inTurn >= TURN_S) continue; // the pause between turns
    // A slowly wandering pitch and three syllables a second, like demoVoice in the IVR service.
    const f0 = CONVERSATION_PITCH[side] * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t));
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3 * inTurn));
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    out[k] = Math.round(v * syllable * (side === 'caller' ? 5000 : 4000));
  }
  return out;
}
