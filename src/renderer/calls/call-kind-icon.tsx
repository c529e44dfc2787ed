import type { CallTone } from './call-format';

// 16×16 strokes: an arrow into the line (incoming), out of it (outgoing), a bounced arrow (missed),
// a crossed arrow (outgoing that never connected) and a handset (in progress).
const PATHS: Record<CallTone, string> = {
  in: 'M12 4 4 12M4 6v6h6',
  out: 'M4 12 12 4M6 4h6v6',
  missed: 'M2 5l5 5 5-5M12 5h-4M12 5v4',
  failed: 'M4 12 12 4M6 4h6v6M3 3l3 3',
  live: 'M5 3h2l1 3-1.5 1a7 7 0 0 0 3.5 3.5l1-1.5 3 1v2a1 1 0 0 1-1 1A10 10 0 0 1 4 4a1 1 0 0 1 1-1z',
};

/** The icon of a call's kind; its colour comes from the text colour of the tone's class. */
export function CallKindIcon({ tone }: { tone: CallTone }) {
  return (
    <svg className={`call-kind-icon tone-${tone}`} width={16} height={16} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[tone]} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
