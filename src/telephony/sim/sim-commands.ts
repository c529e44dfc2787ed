/**
 * The simulator's AT command interpreter: one command line (after 'AT') may hold several basic
 * commands (`Q0V1H0`, `Z S0=0 E1`) and extended ones separated by ';' (`+VRA=70;+VRN=10`).
 * Answers follow the recorded devices: information lines framed CR LF, OK/ERROR at the end,
 * CONNECT for voice data states, results of ATD and +VTS after their real duration.
 */
import { defaultRegisters, type SimRegisters } from './sim-options';
import { applyParam, initialValue } from './sim-params';
import type { SimState } from './sim-state';
import { sampleFormatOf, VoiceStream } from './sim-voice';
import { CED_MS } from './sim-fax';

export type CommandOutcome = { kind: 'done'; ok: boolean } | { kind: 'later'; handle: unknown } | { kind: 'none' };

const done = (ok: boolean): CommandOutcome => ({ kind: 'done', ok });

export function runCommandLine(sim: SimState, body: string): CommandOutcome {
  let s = body;
  while (s.length > 0) {
    s = s.replace(/^[\s;]+/, '');
    if (!s) break;
    const c = s[0]!.toUpperCase();
    if ('+#-!*%$'.includes(c)) {
      const end = s.indexOf(';');
      const cmd = end < 0 ? s : s.slice(0, end);
      s = end < 0 ? '' : s.slice(end + 1);
      // +FTS / +FRS wait first; the rest of the line (mgetty's `AT+FTS=8;+FTM=96`) runs after the wait.
      const wait = /^\+F(TS|RS)\s*(=\?|\?|=)?\s*(.*)$/i.exec(cmd.trim());
      if (wait) {
        if (!isClass1(sim)) return done(false);
        const r = sim.fax.wait(`+F${wait[1]!.toUpperCase()}`, wait[2] ?? '', wait[3] ?? '', s);
        if (r === 'later') return { kind: 'none' };
        if (r === 'error') return done(false);
        continue;
      }
      const out = extended(sim, cmd.trim());
      if (out.kind !== 'done' || !out.ok) return out;
      continue;
    }
    if (c === 'D') return dial(sim, s.slice(1));
    const m = /^(&?[A-Z])(\d*)(=\d*|\?)?/i.exec(s);
    if (!m) return done(false);
    s = s.slice(m[0].length);
    const out = basic(sim, m[1]!.toUpperCase(), m[2] ? Number(m[2]) : 0, m[3]);
    if (out.kind !== 'done' || !out.ok) return out;
  }
  return done(true);
}

function basic(sim: SimState, cmd: string, n: number, arg: string | undefined): CommandOutcome {
  const r = sim.regs;
  switch (cmd) {
    case 'E':
      r.echo = n === 1;
      return done(true);
    case 'V':
      r.verbose = n === 1;
      return done(true);
    case 'Q':
      r.quiet = n === 1;
      return done(true);
    case 'H':
      hangUp(sim);
      return done(true);
    case 'Z':
    case '&F':
      hangUp(sim);
      sim.regs = defaultRegisters(sim.stored);
      return done(true);
    case 'I': {
      const text = sim.profile.ati[n];
      if (text) sim.sendLine(text);
      return done(true);
    }
    case 'A':
      if (!sim.call) {
        sim.result('NO CARRIER');
        return { kind: 'none' };
      }
      sim.answer();
      if (isClass1(sim)) {
        // The answer tone (CED), then V.21 flags: CONNECT, ready for our first frame (T.31: ATA implies
        // +FTH=3). Off hook already (an answered voice call heard CNG), this is adaptive answer.
        return { kind: 'later', handle: sim.timers.setTimeout(() => (sim.finishPending(null), sim.fax.answered()), CED_MS) };
      }
      // Class 2/2.0: the modem answers and runs phase B itself; +FCO … OK once the caller trained.
      if (isClass2(sim)) return { kind: 'later', handle: sim.timers.setTimeout(() => sim.fax2.answered(), CED_MS) };
      if (r.fclass === '8') {
        sim.result(sim.profile.voiceAnswer);
        return { kind: 'none' };
      }
      sim.result('NO CARRIER'); // no data/fax carrier from a voice caller
      sim.offHook = false;
      return { kind: 'none' };
    case 'S': {
      if (arg === '?') {
        sim.sendLine(String(r.s.get(n) ?? 0).padStart(3, '0'));
        return done(true);
      }
      if (arg?.startsWith('=')) r.s.set(n, Number(arg.slice(1) || 0));
      return done(true);
    }
    case 'O':
      return done(false);
    default:
      // X, L, M, &C, &D, &K, &W, &V and friends: accepted and without effect here.
      return done(true);
  }
}

function hangUp(sim: SimState): void {
  sim.fax.hangUp();
  sim.fax2.hangUp();
  sim.offHook = false;
  sim.phoneOnLine = false;
  if (sim.call?.cid && sim.call.answered) sim.endCall();
}

/** Data (which never finds a carrier), Class 1 and 1.0 fax at the frame level (sim-fax.ts), Class 2 and 2.0 (sim-class2.ts), voice. */
const SIMULATED_CLASSES = ['0', '1', '1.0', '2', '2.0', '8'];

const isClass1 = (sim: SimState) => sim.regs.fclass === '1' || sim.regs.fclass === '1.0';
const isClass2 = (sim: SimState) => sim.regs.fclass === '2' || sim.regs.fclass === '2.0';

function simulatedClasses(profileClasses: string): string[] {
  return profileClasses.split(',').filter((c) => SIMULATED_CLASSES.includes(c));
}

/** Information lines each framed on their own (blank lines between, as the recorded devices print). */
function infoList(sim: SimState, lines: string[]): CommandOutcome {
  for (const l of lines) sim.sendLine(l);
  return done(true);
}

function extended(sim: SimState, cmd: string): CommandOutcome {
  const m = /^([+#\-!*%$][A-Z0-9]+)\s*(=\?|\?|=)?\s*(.*)$/i.exec(cmd);
  if (!m) return done(false);
  const name = m[1]!.toUpperCase();
  const op = m[2] ?? '';
  const arg = m[3] ?? '';
  const r = sim.regs;
  const p = sim.profile;
  const num = (v: string, d = 0) => (v.trim() === '' ? d : Number(v.split(',')[0]));
  if (p.params[name]) return param(sim, name, op, arg);
  if (isClass2(sim) && /^\+F/.test(name)) {
    const out = sim.fax2.command(name, op, arg);
    if (out !== 'unknown') return out === 'later' ? { kind: 'none' } : done(out === 'ok');
  }
  switch (name) {
    case '#CLS':
    case '+FCLASS':
      if (name === '#CLS' && !p.legacyCommands.includes('#CLS')) return done(false);
      // Only the classes simulated, of those the real device has: data (0, which never finds a
      // carrier), Class 1/1.0 and 2/2.0 fax and voice (8). Class 2.1 (V.34 fax) is refused, so fax
      // software that wants it gives up at once instead of waiting for answers that never come.
      if (op === '=?') return infoList(sim, [sim.classesAnswer ?? simulatedClasses(p.fclasses).join(',')]);
      if (op === '?') return infoList(sim, [r.fclass]);
      if (!simulatedClasses(p.fclasses).includes(arg.trim())) return done(false);
      r.fclass = arg.trim();
      if (p.faxClassForgetsCid && r.fclass.startsWith('1')) r.cidMode = 0;
      return done(true);
    case '+FMI':
    case '+GMI':
      return infoList(sim, [p.fmi]);
    case '+FMM':
    case '+GMM':
      return infoList(sim, [p.fmm]);
    case '+FMR':
    case '+GMR':
      return infoList(sim, [p.fmr]);
    case '+VSM': {
      if (op === '=?') return infoList(sim, p.vsm);
      if (op === '?') return infoList(sim, [`${r.vsm},8000,0,0`]);
      const id = num(arg);
      if (!p.vsm.some((l) => l.startsWith(`${id},`))) return done(false);
      r.vsm = id;
      return done(true);
    }
    case '+VLS': {
      if (op === '=?') return infoList(sim, p.vls);
      if (op === '?') return infoList(sim, [sim.offHook ? '1' : '0']);
      const label = num(arg);
      const line = p.vls.find((l) => l.startsWith(`${label},`));
      if (!line) return done(false);
      const primitives = /"([^"]*)"/.exec(line)?.[1] ?? '';
      sim.phoneOnLine = primitives.includes('L') && primitives.includes('T');
      if (line.includes('T"')) {
        const wasRinging = !!sim.call && !sim.call.answered;
        sim.answer();
        if (wasRinging && r.fclass === '8' && p.voiceAnswer === 'VCON') {
          sim.result('VCON');
          return { kind: 'none' };
        }
      } else hangUp(sim);
      return done(true);
    }
    case '+VCID':
    case '#CID': {
      if (!p.cidCommands.includes(name as '+VCID' | '#CID')) return done(false);
      if (op === '=?') return infoList(sim, ['(0-2)']);
      if (op === '?') return infoList(sim, [String(r.cidMode)]);
      const v = num(arg);
      if (v < 0 || v > 2) return done(false);
      r.cidMode = v;
      return done(true);
    }
    case '+VTS':
      return tones(sim, arg);
    case '+VTX':
    case '+VRX':
    case '+VTR': {
      if (r.fclass !== '8') return done(false);
      const mode = name === '+VTX' ? 'tx' : name === '+VRX' ? 'rx' : 'duplex';
      const together = sim.connectWithAudio && mode !== 'tx';
      if (!together) sim.result('CONNECT');
      sim.voice = new VoiceStream(sim, mode, sampleFormatOf(p.vsm.find((l) => l.startsWith(`${r.vsm},`))), together ? sim.resultText('CONNECT') : undefined);
      return { kind: 'none' };
    }
    case '+VIP':
      r.params.clear();
      r.vsd = initialValue(p.params['+VSD']!);
      r.vtd = initialValue(p.params['+VTD']!)[0]!;
      r.vrn = initialValue(p.params['+VRN']!)[0]!;
      r.vsm = 1;
      return done(true);
    case '+FIS':
      return op === '?' ? infoList(sim, ['1,5,0,2,0,0,0,0']) : done(true);
    case '+FRM':
    case '+FTM':
    case '+FRH':
    case '+FTH': {
      if (!isClass1(sim)) return done(false);
      const out = sim.fax.command(name, op, arg);
      return out === 'later' ? { kind: 'none' } : done(out === 'ok');
    }
    case '+FAR':
    case '+FDD':
      // Adaptive reception and <DLE><SUB> are not simulated: only their off setting is accepted.
      if (op === '=?') return infoList(sim, ['0']);
      if (op === '?') return infoList(sim, ['0']);
      return done(isClass1(sim) && arg.trim() === '0');
    case '+FDT':
    case '+FDR':
    case '+FKS':
    case '+FK':
    case '+FET':
      return done(false); // T.32 page commands outside Class 2/2.0
    case '+VRID':
      return done(true);
    case '#VLS':
      return done(p.legacyCommands.includes('#VLS'));
    default:
      // +VDT, +VEM, +IFC, +GCI, +FAA, +FCR, +FBO, +FNR, +FLI, +FCC, +FLO, +FIP, +FAE, +FDD, -STE, -SCID,
      // !4886 …: accepted; they change nothing we simulate.
      return done(/^(\+V(DT|EM)|\+IFC|\+GCI|\+F[A-Z]{2,3}|-STE|-SCID|!\d+|&[A-Z])$/.test(name));
  }
}

/** +VSD, +VTD, +VRN: the registers the simulation reads; the other parameters are only remembered. */
const PARAM_REGISTERS: Record<string, { get(r: Registers): number[]; set(r: Registers, v: number[]): void }> = {
  '+VSD': { get: (r) => r.vsd, set: (r, v) => void (r.vsd = v) },
  '+VTD': { get: (r) => [r.vtd], set: (r, v) => void (r.vtd = v[0]!) },
  '+VRN': { get: (r) => [r.vrn], set: (r, v) => void (r.vrn = v[0]!) },
};

type Registers = SimRegisters;

/** A numeric parameter of the profile: `=?` prints its range, `?` its value, `=` sets it if in range. */
function param(sim: SimState, name: string, op: string, arg: string): CommandOutcome {
  const spec = sim.profile.params[name]!;
  const r = sim.regs;
  const reg = PARAM_REGISTERS[name];
  const current = reg ? reg.get(r) : (r.params.get(name) ?? initialValue(spec));
  if (op === '=?') return infoList(sim, [spec.range]);
  if (op === '?') return infoList(sim, [current.join(',')]);
  const next = applyParam(spec, current, arg);
  if (!next) return done(false);
  if (reg) reg.set(r, next);
  else r.params.set(name, next);
  return done(true);
}

/** +VTS: DTMF characters use +VTD (10 ms units); [f1,f2,d] and {X,d} carry their own duration. */
function tones(sim: SimState, arg: string): CommandOutcome {
  let ms = 0;
  const re = /\[([^\]]*)\]|\{([^}]*)\}|([0-9A-D*#!])/gi;
  for (let m = re.exec(arg); m; m = re.exec(arg)) {
    if (m[1] !== undefined) ms += Number(m[1].split(',')[2] || sim.regs.vtd) * 10;
    else if (m[2] !== undefined) ms += Number(m[2].split(',')[1] || sim.regs.vtd) * 10;
    else ms += sim.regs.vtd * 10;
  }
  sim.tones.push(arg);
  return { kind: 'later', handle: sim.timers.setTimeout(() => sim.finishPending('OK'), ms) };
}

/** ATD: in voice class the result comes when the far end answers (or is busy / never answers). */
function dial(sim: SimState, rest: string): CommandOutcome {
  const number = rest.replace(/^[TP]/i, '').replace(/[^0-9*#+,;WA-D]/gi, '');
  const semicolon = number.endsWith(';');
  sim.dialled.push(number.replace(/;$/, ''));
  const dialMs = 100 * number.length;
  const later = (ms: number, fn: () => void): CommandOutcome => ({ kind: 'later', handle: sim.timers.setTimeout(fn, ms) });
  if (sim.remote.kind === 'no-dialtone') return later(2000, () => sim.finishPending('NO DIALTONE'));
  sim.offHook = true;
  if (semicolon) return later(dialMs, () => sim.finishPending('OK'));
  if (isClass1(sim) || isClass2(sim)) return dialFax(sim, number, dialMs);
  if (sim.regs.fclass !== '8') return later(dialMs + 30_000, () => ((sim.offHook = false), sim.finishPending('NO CARRIER')));
  const remote = sim.remote;
  switch (remote.kind) {
    case 'busy':
      return later(dialMs + 2000, () => ((sim.offHook = false), sim.finishPending('BUSY')));
    case 'no-answer':
      return later(dialMs + sim.regs.vrn * 1000, () => ((sim.offHook = false), sim.finishPending('NO ANSWER')));
    case 'answer':
      return later(dialMs + remote.afterMs, () => sim.finishPending(sim.profile.dialConnect));
  }
}

/**
 * ATD in Class 1: a fax machine at one of the fax numbers answers (after the rings and its CED) and
 * the modem waits for its first frame (CONNECT comes with it). Busy, no answer and no dial tone as
 * in voice; a person answering sends no V.21 flags, so the modem gives up with NO CARRIER.
 */
function dialFax(sim: SimState, number: string, dialMs: number): CommandOutcome {
  const later = (ms: number, fn: () => void): CommandOutcome => ({ kind: 'later', handle: sim.timers.setTimeout(fn, ms) });
  const remote = sim.remote;
  if (remote.kind === 'busy') return later(dialMs + 2000, () => ((sim.offHook = false), sim.finishPending('BUSY')));
  const ringMs = remote.kind === 'answer' ? remote.afterMs : 1500;
  if (sim.faxNumbers.has(number) && sim.faxMachine) return later(dialMs + ringMs + CED_MS, () => (isClass2(sim) ? sim.fax2.dialled() : sim.fax.dialled()));
  if (remote.kind === 'no-answer' || sim.faxNumbers.has(number))
    return later(dialMs + sim.regs.vrn * 1000, () => ((sim.offHook = false), sim.finishPending('NO ANSWER')));
  return later(dialMs + ringMs + 30_000, () => ((sim.offHook = false), sim.finishPending('NO CARRIER')));
}
