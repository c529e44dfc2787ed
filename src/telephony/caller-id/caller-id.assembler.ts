/**
 * Turns the caller-ID fragments a modem prints around the rings into one `CallerId` per call.
 * When it commits (reference §3.2, §7): as soon as NAME arrives with the number (or its absence)
 * known; at the next RING after any field; `settleMs` after the last field (UK lines send no NAME);
 * at once for an unformatted packet or a terminated DTMF caller ID; at the first RING for DTMF digits
 * whose end marker never came. Caller ID may come before the first ring (ETSI, UK, France) or
 * between the first and second (Bellcore). If nothing usable came by the second ring — no service,
 * withheld without a marker, a bad or truncated packet (the modem then prints nothing, or ERRM) — it
 * commits `absence: 'none'` so the front desk still gets a popup.
 *
 * A caller ID that completes after that (a slow exchange, a modem that prints it late) is not thrown
 * away: it is committed once more, as the update of the same call (line.ts: at most two `caller-id`
 * events per call, the first then being `absence: 'none'`). After a real caller ID, repeats are ignored.
 */
import type { CallerId } from '../line';
import type { Timers } from '../transport';
import { decodeCallerIdPacket } from './caller-id.packet';
import { parseDtmfCallerId, parseUnterminatedDtmf } from './caller-id.dtmf';
import { parseCallerIdLine, type CidField } from './caller-id.text';

export type CallerIdAssemblerOptions = { timers: Timers; settleMs?: number };

function blank(): CallerId {
  return { number: null, name: null, absence: null, date: null, time: null, format: 'formatted', extras: {}, raw: [] };
}

/** 'open' nothing reported yet; 'none' only `absence: 'none'` reported (a late caller ID may follow); 'done'. */
type AssemblerState = 'open' | 'none' | 'done';

export class CallerIdAssembler {
  private cid = blank();
  private fields = 0;
  private state: AssemblerState = 'open';
  private dtmfDigits = '';
  private timer: unknown = null;
  private readonly settleMs: number;

  constructor(
    private readonly opts: CallerIdAssemblerOptions,
    private readonly onCallerId: (cid: CallerId) => void,
  ) {
    this.settleMs = opts.settleMs ?? 500;
  }

  /** Offer a text line the modem printed in command state. Returns true when it was caller ID (consumed). */
  line(text: string): boolean {
    const fields = parseCallerIdLine(text);
    if (!fields) return false;
    if (this.done()) return true; // a repeat (e.g. +VRID) after we already reported this call
    this.cid.raw.push(text.replace(/\x10[\s\S]?/g, '').trim());
    for (const f of fields) this.apply(f);
    if (this.done()) return true; // a packet commits as it is applied
    const hasWho = this.cid.number !== null || this.cid.absence !== null;
    if (fields.some((f) => f.kind === 'name' || f.kind === 'name-absence') && hasWho) this.commit();
    else if (this.fields > 0) this.arm();
    return true;
  }

  /** A RING arrived; count is the ring number within the current call, 1-based. */
  ring(count: number): void {
    if (this.state === 'done') return;
    const unterminated = this.dtmfDigits ? parseUnterminatedDtmf(this.dtmfDigits) : null;
    if (unterminated) {
      // DTMF caller ID is sent before the first ring: the ring ends it even without its end marker.
      this.cid = unterminated;
      this.commit();
    } else if (this.fields > 0 && (this.cid.number !== null || this.cid.absence !== null)) this.commit();
    else if (count >= 2 && this.state === 'open') this.commitNone();
  }

  /** A DTMF digit reported on hook before the first ring (DTMF caller ID). */
  dtmf(digit: string): void {
    if (this.state === 'done') return;
    this.dtmfDigits += digit;
    const cid = parseDtmfCallerId(this.dtmfDigits);
    if (cid) {
      this.cid = cid;
      this.commit();
    }
  }

  /** The call ended or stopped ringing: forget everything, re-arm for the next call. */
  reset(): void {
    this.clearTimer();
    this.cid = blank();
    this.fields = 0;
    this.state = 'open';
    this.dtmfDigits = '';
  }

  private apply(f: CidField): void {
    const c = this.cid;
    switch (f.kind) {
      case 'date':
        c.date = f.value;
        break;
      case 'time':
        c.time = f.value;
        break;
      case 'number':
        c.number = f.value;
        break;
      case 'absence':
        c.absence = f.value;
        break;
      case 'name':
        c.name = f.value;
        break;
      case 'name-absence':
        c.extras['name-absence'] = f.value;
        break;
      case 'extra':
        c.extras[f.key] = c.extras[f.key] ? `${c.extras[f.key]} ${f.value}` : f.value;
        // MESG 03 (the dialable number) stands for the number when no NMBR comes, as a packet
        // carrying only parameter 0x03 does (caller-id.packet.ts); a NMBR line still overrides it.
        if (f.key === 'dialable-number' && c.number === null) c.number = f.value;
        break;
      case 'error':
        c.extras['error'] = 'checksum';
        return; // not a field: the call commits as 'none' at ring 2
      case 'packet': {
        if (!f.ok) {
          // A message that is no caller ID (message waiting …) is not an error of this call.
          if (f.reason !== 'type') c.extras['error'] = f.reason ?? 'checksum';
          return;
        }
        const r = decodeCallerIdPacket(f.hex);
        if (r.ok) {
          this.cid = { ...r.cid, raw: [...c.raw] };
          this.commit();
        }
        return;
      }
    }
    this.fields++;
  }

  /** A method, not a field read, so the compiler does not narrow it across apply(), which may commit. */
  private done(): boolean {
    return this.state === 'done';
  }

  private arm(): void {
    this.clearTimer();
    this.timer = this.opts.timers.setTimeout(() => {
      this.timer = null;
      if (this.state !== 'done' && (this.cid.number !== null || this.cid.absence !== null)) this.commit();
    }, this.settleMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private commit(): void {
    this.clearTimer();
    this.state = 'done';
    this.onCallerId(this.cid);
  }

  /** Reports "no caller ID" and starts over, so a caller ID that still arrives updates the call. */
  private commitNone(): void {
    this.clearTimer();
    this.state = 'none';
    this.onCallerId({ ...this.cid, number: null, absence: 'none', format: 'none' });
    this.cid = blank();
    this.fields = 0;
    this.dtmfDigits = '';
  }
}
