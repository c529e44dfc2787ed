/** T.30 §5.4.3 timers (ms) and the retry count of §5.3.2 (a command is sent at most three times). */
export const T30_TIMERS = {
  /** T1: how long a station looks for the other before giving up (35 ± 5 s). */
  t1: 35_000,
  /** T2: how long a receiver waits for a command, or for page data after CFR/MCF (6 ± 1 s). */
  t2: 6_000,
  /** T3: how long an operator has to answer a procedure interrupt (10 ± 5 s). */
  t3: 10_000,
  /** T4: how long a transmitter waits for a response before it repeats its command (3 s ± 15 %). */
  t4: 3_000,
  /** T5: how long an ECM transmitter keeps asking a busy receiver (RR ↔ RNR) (60 ± 5 s). */
  t5: 60_000,
} as const;

export type T30Timers = { [K in keyof typeof T30_TIMERS]: number };

/** How many times a command is sent when no valid response comes (T.30: three). */
export const MAX_TRIES = 3;

/** The pause between signals in opposite directions (T.30 §5.3.2.3: 75 ± 20 ms). */
export const TURNAROUND_MS = 75;

/** TCF lasts 1.5 s (T.30 §5.3.6.1.3, ±10 %). */
export const TCF_SECONDS = 1.5;
