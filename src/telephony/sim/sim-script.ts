/**
 * Driving the simulator from a script file or typed commands, one per line (a line starting with '#' is a comment):
 *   ring 09121234567 name="Ali Rezaei" format=mdmf rings=4 before-first-ring keys=12# hangup-after=20s
 *   ring 02155550100 fax  a fax machine calls: its calling tone until answered in Class 1, then it sends
 *   fax-number 5550100    a fax machine answers this number (ATD in Class 1)
 *   fax-line limit=12000 | fax-line clean    page data faster than the limit arrives damaged
 *   keys 1 2 #          the caller presses keys
 *   hangup              the caller hangs up
 *   remote answer after=3s | remote busy | remote no-answer | remote no-dialtone
 *   wait 2s             (scripts only) pause
 *   unplug | replug | freeze | thaw
 *   reset               the modem resets by itself (power blip): call dropped, stored profile back
 *   no-carrier          the exchange clears the call: the modem says NO CARRIER
 *   handset up|down | extension up|down    a telephone on the line lifted / put down
 * format is one of formatted (MDMF), formatted-nospace, sdmf, mdmf, dtmf, private, unavailable, none.
 */
import type { Timers } from '../transport';
import type { ModemSimulator, SimIncomingCall } from './modem-sim';
import type { SimCallerIdFormat } from './sim-callerid';

export class SimScriptError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'SimScriptError';
  }
}

const FORMATS: SimCallerIdFormat[] = ['formatted', 'formatted-nospace', 'sdmf', 'mdmf', 'dtmf', 'private', 'unavailable', 'none'];

function duration(v: string, line: number): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(v);
  if (!m) throw new SimScriptError(line, `"${v}" is not a duration (e.g. 2s, 500ms)`);
  return Number(m[1]) * (m[2] === 'ms' ? 1 : 1000);
}

/** Splits `a b="c d" e=f` into words, keeping quoted values together. */
function words(text: string): string[] {
  return [...text.matchAll(/(\S+?="[^"]*"|\S+)/g)].map((m) => m[1]!.replace(/="(.*)"$/, '=$1'));
}

export type SimStep = { line: number; run: (sim: ModemSimulator) => void } | { line: number; waitMs: number };

export function parseSimScript(text: string): SimStep[] {
  const steps: SimStep[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim().startsWith('#')) return; // a comment ('#' elsewhere is a key)
    const w = words(raw.trim());
    const [cmd, ...args] = w;
    if (!cmd) return;
    const kv = new Map(args.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as [string, string]));
    const flags = new Set(args.filter((a) => !a.includes('=')));
    switch (cmd.toLowerCase()) {
      case 'ring': {
        const number = args.find((a) => !a.includes('=') && /^\+?[\d*#]+$/.test(a)) ?? '';
        const format = (kv.get('format') ?? (number ? 'mdmf' : 'none')) as SimCallerIdFormat;
        if (!FORMATS.includes(format)) throw new SimScriptError(line, `unknown format "${format}"`);
        const call: SimIncomingCall = {
          number,
          name: kv.get('name') ?? '',
          format,
          beforeFirstRing: flags.has('before-first-ring'),
          rings: kv.has('rings') ? Number(kv.get('rings')) : 4,
          keys: kv.get('keys'),
          fax: flags.has('fax'),
        };
        if (kv.has('hangup-after')) call.hangUpAfterMs = duration(kv.get('hangup-after')!, line);
        return void steps.push({ line, run: (s) => s.ring(call) });
      }
      case 'keys':
        if (!args.length) throw new SimScriptError(line, 'which keys?');
        return void steps.push({ line, run: (s) => s.pressKeys(args.join('')) });
      case 'hangup':
        return void steps.push({ line, run: (s) => s.callerHangsUp() });
      case 'remote': {
        const kind = args[0];
        if (kind === 'answer')
          return void steps.push({ line, run: (s) => s.setRemote({ kind: 'answer', afterMs: kv.has('after') ? duration(kv.get('after')!, line) : 1500 }) });
        if (kind === 'busy' || kind === 'no-answer' || kind === 'no-dialtone') return void steps.push({ line, run: (s) => s.setRemote({ kind }) });
        throw new SimScriptError(line, 'remote answer|busy|no-answer|no-dialtone');
      }
      case 'fax-number':
        if (!args[0] || !/^[\d*#+]+$/.test(args[0])) throw new SimScriptError(line, 'fax-number NUMBER');
        return void steps.push({ line, run: (s) => s.addFaxNumber(args[0]!) });
      case 'fax-line': {
        const limit = kv.get('limit');
        if (flags.has('clean')) return void steps.push({ line, run: (s) => s.setFaxLineLimit(null) });
        if (!limit || !/^\d+$/.test(limit)) throw new SimScriptError(line, 'fax-line limit=BPS | fax-line clean');
        return void steps.push({ line, run: (s) => s.setFaxLineLimit(Number(limit)) });
      }
      case 'wait':
        return void steps.push({ line, waitMs: duration(args[0] ?? '', line) });
      case 'unplug':
        return void steps.push({ line, run: (s) => s.unplug() });
      case 'replug':
        return void steps.push({ line, run: (s) => s.replug() });
      case 'freeze':
        return void steps.push({ line, run: (s) => s.freeze() });
      case 'thaw':
        return void steps.push({ line, run: (s) => s.thaw() });
      case 'reset':
        return void steps.push({ line, run: (s) => s.spontaneousReset() });
      case 'no-carrier':
        return void steps.push({ line, run: (s) => s.noCarrier() });
      case 'handset':
      case 'extension': {
        const which = cmd.toLowerCase() as 'handset' | 'extension';
        if (args[0] !== 'up' && args[0] !== 'down') throw new SimScriptError(line, `${which} up|down`);
        const up = args[0] === 'up';
        return void steps.push({ line, run: (s) => s.phone(which, up) });
      }
      default:
        throw new SimScriptError(line, `unknown command "${cmd}"`);
    }
  });
  return steps;
}

/** Runs the steps in order on the simulator's timers; resolves when the last one ran. */
export async function runSimScript(sim: ModemSimulator, steps: SimStep[], timers: Timers): Promise<void> {
  for (const step of steps) {
    if ('waitMs' in step) await new Promise<void>((r) => timers.setTimeout(r, step.waitMs));
    else step.run(sim);
  }
}
