/**
 * Runs an answering tree on any `Line` (a voice modem, the demo line, later SIP or the sound card).
 * Keys are collected from the line's `dtmf` events into one queue, so a key pressed during a prompt
 * both stops it at once (barge-in: prompts play with stopOnDtmf) and is then read by the menu; keys
 * typed ahead skip the prompts of the menus they answer. The caller hanging up at any point ends the
 * run at once; nothing here waits longer than a menu's timeout or a recording's maximum.
 */
import type { IvrEnd, IvrNode, IvrTree } from '../../shared/contract/ivr';
import { LineError, type Line, type Pcm, type Timers } from '../../telephony';

export type OfficeState = 'open' | 'closed' | 'holiday';

export type IvrRunDeps = {
  line: Line;
  tree: IvrTree;
  timers: Timers;
  /** The PCM of a prompt, or null when it is gone (the node then plays nothing). */
  prompt(id: number | null): Pcm | null;
  greeting(mailboxId: number): Pcm | null;
  office(): OfficeState;
  /** Stores a message; called once per voicemail node that recorded something. */
  saveVoicemail(mailboxId: number, pcm: Pcm): void;
  /** The caller waits for a person (true) or stopped waiting (false). */
  operator(waiting: boolean): void;
  /** Each node entered and each key or timeout, as it happens. */
  onStep?(step: string): void;
  /**
   * A fax machine's calling tone ended the run: true when the line's fax setting (adaptive) hands the
   * call to fax — the run then ends without hanging up.
   */
  takeFax?(): boolean;
  /**
   * Fax-on-demand (a fax-document node): sends the library document on this call as the sender. 'sent' or
   * 'failed': the fax call ran and the call is over; 'unavailable': nothing started (a line that cannot
   * fax, the document gone), the caller is still there and the run goes on to the node's fallback.
   * Absent: no line here can fax (the sound-card test).
   */
  sendFax?(documentId: number): Promise<'sent' | 'failed' | 'unavailable'>;
};

export type IvrRunResult = { path: string[]; end: IvrEnd };

export type IvrRunHandle = { done: Promise<IvrRunResult>; /** The front desk took the waiting caller. */ take(): void; stop(): void };

/** Most nodes in a row without any audio (goto loops): the tree is broken, stop rather than spin. */
const MAX_SILENT_STEPS = 100;

export function beep(ms = 350, hz = 1000): Pcm {
  const n = Math.round((8000 * ms) / 1000);
  return Int16Array.from({ length: n }, (_, i) => Math.round(9000 * Math.sin((2 * Math.PI * hz * i) / 8000) * Math.min(1, i / 80, (n - i) / 80)));
}

/** The hold sound while a caller waits for a person: two soft tones, then silence. */
function holdTone(): Pcm {
  const a = beep(200, 440);
  const out = new Int16Array(8000 * 2);
  out.set(
    a.map((v) => v >> 1),
    0,
  );
  out.set(
    a.map((v) => v >> 1),
    2400,
  );
  return out;
}

/** Drops the quiet tail a silence-ended recording carries, keeping 300 ms. */
export function trimSilence(pcm: Pcm, threshold = 600): Pcm {
  let end = pcm.length;
  while (end > 0 && Math.abs(pcm[end - 1]!) < threshold) end--;
  return pcm.subarray(0, Math.min(pcm.length, end + 2400));
}

export function runIvr(d: IvrRunDeps): IvrRunHandle {
  const { line, tree, timers } = d;
  const nodes = new Map(tree.nodes.map((n) => [n.id, n]));
  const keys: string[] = [];
  const path: string[] = [];
  let wake: (() => void) | null = null;
  let gone = false;
  let hungUp: () => void = () => undefined;
  /** Resolves when the caller hangs up: the driver may take a while to finish the aborted audio. */
  const goneP = new Promise<void>((resolve) => (hungUp = resolve));
  let taken = false;
  let stopped = false;
  /** A fax machine called: its calling tone was heard. The run ends; the fax is not received here. */
  let fax = false;
  /** A fax-document node handed the call to fax (sent or not): the modem hung up when it gave the line back. */
  let faxSent = false;
  const poke = () => wake?.();
  const offs = [
    line.on('dtmf', (e) => {
      keys.push(e.digit);
      poke();
    }),
    line.on('hangup', () => {
      gone = true;
      hungUp();
      poke();
    }),
    // A person lifted a telephone on the line: they have the caller, as when the front desk takes it.
    line.on('phone', (e) => {
      if (!e.offHook || over()) return;
      step(`phone:${e.phone}`);
      taken = true;
      poke();
      void line.stopAudio();
    }),
    line.on('tone', (e) => {
      if (e.kind !== 'fax-calling' || over()) return;
      step('fax');
      fax = true;
      poke();
      void line.stopAudio();
    }),
  ];
  const step = (s: string) => {
    path.push(s);
    d.onStep?.(s);
  };
  const over = () => gone || taken || stopped || fax;

  async function play(pcm: Pcm | null): Promise<void> {
    if (!pcm || pcm.length === 0 || over()) return;
    await Promise.race([line.play(pcm, { stopOnDtmf: true }).catch(() => undefined), goneP]);
  }

  /** The next key, or null after `ms` without one (or when the call is over). */
  function nextKey(ms: number): Promise<string | null> {
    if (keys.length) return Promise.resolve(keys.shift()!);
    if (over()) return Promise.resolve(null);
    return new Promise((resolve) => {
      const t = timers.setTimeout(() => {
        wake = null;
        resolve(null);
      }, ms);
      wake = () => {
        timers.clearTimeout(t);
        wake = null;
        resolve(over() ? null : (keys.shift() ?? null));
      };
    });
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = timers.setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        if (!over()) return; // keys do not end a wait for a person
        timers.clearTimeout(t);
        wake = null;
        resolve();
      };
    });
  }

  /**
   * The key loop a menu and fax-on-demand share: the node's prompt (unless keys were typed ahead), a key
   * within its timeout, a wrong key answered with its wrong-key prompt (and what was typed after it
   * dropped). Timeouts and wrong keys count together; after `retries` of them, 'gave-up'. `pick` says
   * what a key does: `{ to }` ends the loop with that, 'again' plays the prompt again, 'wrong' is a miss.
   */
  async function keyLoop<T>(
    n: { promptId: number | null; wrongPromptId: number | null; timeoutS: number; retries: number },
    pick: (k: string) => Promise<{ to: T } | 'again' | 'wrong'> | { to: T } | 'again' | 'wrong',
  ): Promise<T | 'gave-up' | 'end'> {
    let misses = 0;
    for (;;) {
      if (!keys.length) await play(d.prompt(n.promptId));
      if (over()) return 'end';
      const k = await nextKey(n.timeoutS * 1000);
      if (over()) return 'end';
      if (k === null) {
        step('timeout');
        if (++misses > n.retries) return 'gave-up';
        continue;
      }
      step(`key:${k}`);
      const r = await pick(k);
      if (r === 'again') continue;
      if (r !== 'wrong') return r.to;
      keys.length = 0; // what was typed after a wrong key is not trusted either
      await play(d.prompt(n.wrongPromptId));
      if (++misses > n.retries) return 'gave-up';
    }
  }

  async function menu(n: Extract<IvrNode, { kind: 'menu' }>, back: string[]): Promise<string | null | 'end'> {
    const r = await keyLoop<string | null>(n, (k) => {
      const option = n.options.find((o) => o.key === k);
      if (option) {
        back.push(n.id);
        return { to: option.next };
      }
      if (k === n.repeatKey) return 'again';
      if (k === n.backKey && back.length) return { to: back.pop()! };
      return 'wrong';
    });
    return r === 'gave-up' ? (n.fallback ?? 'timeout') : r;
  }

  async function voicemail(n: Extract<IvrNode, { kind: 'voicemail' }>): Promise<void> {
    if (n.mailboxId === null) return;
    keys.length = 0;
    await play(n.promptId !== null ? d.prompt(n.promptId) : d.greeting(n.mailboxId));
    keys.length = 0; // a key that skipped the greeting must not end the recording
    if (over()) return;
    await play(beep());
    if (over()) return;
    const r = await line.record({ maxMs: n.maxSeconds * 1000, silenceMs: 4000, stopOnDtmf: true }).catch(() => null);
    if (r?.stoppedBy === 'fax') fax = true;
    if (!r || fax) return; // a fax machine's tone is not a message
    const pcm = trimSilence(r.pcm);
    if (pcm.length >= 4000) d.saveVoicemail(n.mailboxId, pcm); // half a second: anything shorter is a click
  }

  async function operator(n: Extract<IvrNode, { kind: 'operator' }>): Promise<boolean> {
    d.operator(true);
    try {
      await play(d.prompt(n.promptId));
      const until = timers.now() + n.waitS * 1000;
      const hold = holdTone();
      while (!over() && timers.now() < until) {
        await play(hold);
        keys.length = 0;
        if (!over() && timers.now() < until) await sleep(200);
      }
      return taken;
    } finally {
      d.operator(false);
    }
  }

  /**
   * Plays the prompt, then a hook flash and the digits. Resolves 'ok' when the tones were sent (the
   * run then ends and the line goes on hook, which completes a blind transfer), or why it did not
   * happen: the LineError code ('unsupported' on a line without flash) or 'failed'.
   */
  async function transfer(n: Extract<IvrNode, { kind: 'transfer' }>): Promise<'ok' | 'gone' | LineError['code'] | 'failed'> {
    keys.length = 0;
    await play(d.prompt(n.promptId));
    if (over()) return 'gone';
    const sent = line.flash(n.digits).then(
      () => 'ok' as const,
      (e: unknown) => (e instanceof LineError ? e.code : ('failed' as const)),
    );
    const r = await Promise.race([sent, goneP.then(() => 'gone' as const)]);
    keys.length = 0; // keys pressed while the line was flashing belong to the next party, not to us
    return over() ? 'gone' : r;
  }

  /**
   * A fax-document node: a menu whose keys choose documents. 'fax' once a fax call ran (the call is
   * over), 'fallback' when none started (no key in time, too many wrong keys, the line cannot fax, the
   * document is gone), 'end' when the caller went away.
   */
  async function faxDocument(n: Extract<IvrNode, { kind: 'fax-document' }>): Promise<'fax' | 'fallback' | 'end'> {
    const r = await keyLoop<'fax' | 'fallback' | 'end'>(n, async (k) => {
      const doc = n.documents.find((o) => o.key === k);
      if (!doc || doc.documentId === null) return 'wrong';
      keys.length = 0;
      await play(d.prompt(n.startPromptId));
      if (over()) return { to: 'end' };
      if (!d.sendFax) {
        step('fax:unavailable');
        return { to: 'fallback' };
      }
      faxSent = true; // from here the line belongs to fax: its hang-up is the fax call's end, not the caller's
      const sent = await d.sendFax(doc.documentId).catch(() => 'failed' as const);
      step(`fax:${sent}`);
      if (sent !== 'unavailable') return { to: 'fax' };
      faxSent = false;
      return { to: over() ? 'end' : 'fallback' };
    });
    return r === 'gave-up' ? 'fallback' : r;
  }

  async function run(): Promise<IvrRunResult> {
    let at: string | null = tree.root;
    let silent = 0;
    const back: string[] = [];
    let end: IvrEnd = 'hung-up';
    while (at !== null && !over()) {
      const n = nodes.get(at);
      if (!n) {
        end = 'error';
        break;
      }
      step(n.id);
      if (++silent > MAX_SILENT_STEPS) {
        end = 'error';
        break;
      }
      let next: string | null = null;
      switch (n.kind) {
        case 'play':
          silent = 0;
          await play(d.prompt(n.promptId));
          next = n.next;
          break;
        case 'menu': {
          silent = 0;
          const r = await menu(n, back);
          if (r === 'end') next = null;
          else if (r === 'timeout') {
            end = 'timeout';
            next = null;
          } else next = r;
          break;
        }
        case 'voicemail':
          silent = 0;
          await voicemail(n);
          end = 'voicemail';
          break;
        case 'operator':
          silent = 0;
          if (await operator(n)) end = 'operator';
          else if (!over()) next = n.fallback;
          break;
        case 'transfer': {
          silent = 0;
          const r = await transfer(n);
          if (r === 'ok') end = 'transferred';
          else if (r !== 'gone') {
            step(`transfer:${r}`);
            next = n.fallback;
          }
          break;
        }
        case 'hangup':
          await play(d.prompt(n.promptId));
          break;
        case 'goto':
          next = n.target;
          break;
        case 'fax-document': {
          silent = 0;
          const r = await faxDocument(n);
          if (r === 'fax') end = 'fax';
          else if (r === 'fallback') next = n.fallback;
          break;
        }
        case 'hours': {
          const s = d.office();
          step(`office:${s}`);
          next = s === 'open' ? n.open : s === 'holiday' ? (n.holiday ?? n.closed) : n.closed;
          break;
        }
      }
      at = next;
    }
    if (faxSent) {
      // The fax call ended the call (the modem went on hook when the fax engine gave the line back).
      offs.forEach((off) => off());
      return { path, end: 'fax' };
    }
    if (gone) end = end === 'voicemail' ? 'voicemail' : 'caller-hung-up';
    if (fax) end = 'fax';
    if (taken) end = 'operator';
    offs.forEach((off) => off());
    if (end === 'fax' && !gone && d.takeFax?.()) return { path, end };
    // A person who took the call is on another phone of the line: going on hook leaves them talking.
    // After a transfer's flash and digits, going on hook is what makes the exchange or PBX connect
    // the caller to the extension (a blind transfer), so it is right there too.
    if (!gone) await line.hangUp().catch(() => undefined);
    return { path, end };
  }

  const done = run().catch((): IvrRunResult => {
    offs.forEach((off) => off());
    return { path, end: 'error' };
  });
  return {
    done,
    take() {
      taken = true;
      poke();
      void line.stopAudio();
    },
    stop() {
      stopped = true;
      poke();
      void line.stopAudio();
    },
  };
}
