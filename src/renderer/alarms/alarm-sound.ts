/**
 * The alarm's sound, made with Web Audio (no file to ship or load): three rising two-tone chimes.
 * Browsers may keep audio locked until the user has clicked once in the page; then it is silent,
 * and the dialog and notification still show.
 */
let ctx: AudioContext | null = null;

export function playAlarmSound(): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.02;
    for (let i = 0; i < 3; i++) {
      for (const [offset, freq] of [
        [0, 880],
        [0.16, 1175],
      ] as const) {
        const t = start + i * 0.6 + offset;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + 0.32);
      }
    }
  } catch {
    // No audio device: the alarm is still shown.
  }
}
