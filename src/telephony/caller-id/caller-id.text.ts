/**
 * Formatted caller ID as modems print it (+VCID=1 / #CID=1), one line at a time, in every variant
 * the reference collects from real devices and from mgetty's and NCID's parsers: `TAG = value` and
 * `TAG=value`, DDN_NMBR / DDN / NDID, MESG hex (decoded when it is a known parameter), `P`/`O`/
 * PRIVATE/Restricted numbers, ZyXEL's `CALLER NUMBER:`, ELSA's `RING;from;to`, `+CLIP:`, a combined
 * `DATE TIME=01/06 14:15`, and unformatted hex packets. DLE pairs (Silicon Labs / Motorola complex
 * event framing, `<DLE>X` … `<DLE>.`) are stripped first.
 */
import { decodeCallerIdPacket, hexToBytes, type PacketFailure } from './caller-id.packet';

export type CidField =
  | { kind: 'date'; value: string }
  | { kind: 'time'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'absence'; value: 'private' | 'unavailable' }
  | { kind: 'name'; value: string }
  | { kind: 'name-absence'; value: 'private' | 'unavailable' }
  | { kind: 'extra'; key: string; value: string }
  /** A whole unformatted packet (already checked: `ok` false means it must be ignored, `reason` says why). */
  | { kind: 'packet'; hex: string; ok: boolean; reason?: PacketFailure }
  | { kind: 'error' }; // ERRM: the modem saw a caller ID with a bad checksum

const DLE_PAIRS = /\x10[\s\S]?/g;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The AT channel hands text over one byte per character (Latin-1). A name a network sends in UTF-8
 * («علی», 'Vähälä' as C3 A4) is decoded as UTF-8 when its bytes are valid UTF-8; anything else
 * (Latin-1 'Vähälä' as E4) stays as it came.
 */
function utf8IfValid(s: string): string {
  if (!/[\x80-\xff]/.test(s) || /[^\x00-\xff]/.test(s)) return s;
  try {
    return UTF8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

/** Number values that mean "withheld" or "unavailable" rather than digits. */
function numberAbsence(v: string): 'private' | 'unavailable' | null {
  const u = v.trim().toUpperCase();
  if (u === 'P' || u === 'PRIVATE' || u === 'RESTRICTED' || u === 'ANONYMOUS' || u === 'BLOCKED') return 'private';
  if (u === 'O' || u === 'OUT OF AREA' || u === 'UNAVAILABLE' || u === 'UNKNOWN' || /^0+$/.test(u)) return 'unavailable';
  return null;
}

function nameAbsence(v: string): 'private' | 'unavailable' | null {
  const u = v.trim().toUpperCase();
  if (u === 'P' || u === 'PRIVATE' || u === 'PRIVDIROFF') return 'private';
  if (u === 'O' || u === 'UNAVAILABLE' || u === 'UNKNOWN' || u === 'NO NAME') return 'unavailable';
  return null;
}

function numberField(v: string): CidField | null {
  // An empty number with no reason (`NMBR =`): as the packet path reads an empty parameter 0x02.
  if (v.trim() === '') return { kind: 'absence', value: 'unavailable' };
  const absence = numberAbsence(v);
  if (absence) return { kind: 'absence', value: absence };
  const digits = v.replace(/[\s\-().]/g, '');
  return /^\+?[0-9*#A-D]+$/.test(digits) ? { kind: 'number', value: digits } : null;
}

function nameField(v: string): CidField {
  const absence = nameAbsence(v);
  return absence ? { kind: 'name-absence', value: absence } : { kind: 'name', value: v.trim() };
}

/** MESG = <type><len><data>[<checksum>] — decode the known parameter, else keep the hex. */
function mesgFields(hex: string): CidField[] {
  const bytes = hexToBytes(hex);
  if (!bytes || bytes.length < 2) return [{ kind: 'extra', key: 'MESG', value: hex }];
  const type = bytes[0]!;
  const len = bytes[1]!;
  const data = Array.from(bytes.subarray(2, 2 + len), (c) => String.fromCharCode(c)).join('');
  if (type === 0x03 && /^\d+$/.test(data)) return [{ kind: 'extra', key: 'dialable-number', value: data }];
  if (type === 0x06) return [{ kind: 'extra', key: 'qualifier', value: data === 'L' ? 'long-distance' : data }];
  if (type === 0x11 && len === 1) {
    const callType: Record<number, string> = { 1: 'voice', 2: 'ring-back-when-free', 3: 'calling-name', 0x81: 'message-waiting' };
    return [{ kind: 'extra', key: 'call-type', value: callType[bytes[2] ?? 0] ?? hex.slice(4, 6) }];
  }
  return [{ kind: 'extra', key: 'MESG', value: hex }];
}

/**
 * Parses one line. Returns the fields it carries (usually one), or null when the line is not
 * caller-ID text (then the caller treats it as an ordinary modem line).
 */
export function parseCallerIdLine(input: string): CidField[] | null {
  const line = utf8IfValid(input.replace(DLE_PAIRS, '')).trim();
  if (!line) return null;
  const up = line.toUpperCase();

  if (up === 'ERRM' || up.startsWith('ERRM ') || up.startsWith('ERRM=')) return [{ kind: 'error' }];

  // DATE TIME=01/06 14:15 (one line for both).
  let m = /^DATE\s*TIME\s*=\s*(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})$/i.exec(line);
  if (m)
    return [
      { kind: 'date', value: m[1]!.padStart(2, '0') + m[2]!.padStart(2, '0') },
      { kind: 'time', value: m[3]!.padStart(2, '0') + m[4] },
    ];

  // TAG = value / TAG=value / TAG: value
  m = /^(DATE|TIME|NMBR|NAME|DDN_NMBR|DDN|NDID|MESG|NBR|CALLER NUMBER|CALLER NAME|REASON FOR NO CALLER NUMBER|CALLERID|CALLER ID)\s*[=:]\s?(.*)$/i.exec(line);
  if (m) {
    const tag = m[1]!.toUpperCase();
    const value = m[2]!.trim();
    switch (tag) {
      case 'DATE':
        return value ? [{ kind: 'date', value: value.replace(/\D/g, '').slice(0, 4) }] : [];
      case 'TIME':
        // Some modems print a fifth digit (NCID's `TIME = 12541`): the first four are HHMM.
        return value ? [{ kind: 'time', value: value.replace(/\D/g, '').slice(0, 4) }] : [];
      case 'NMBR':
      case 'DDN_NMBR':
      case 'DDN':
      case 'NBR':
      case 'CALLER NUMBER':
      case 'CALLERID':
      case 'CALLER ID': {
        const f = numberField(value);
        return f ? [f] : [{ kind: 'extra', key: tag, value }];
      }
      case 'NDID':
        return [{ kind: 'extra', key: 'called-number', value }];
      case 'NAME':
      case 'CALLER NAME':
        return value ? [nameField(value)] : [];
      case 'REASON FOR NO CALLER NUMBER':
        return [{ kind: 'absence', value: /PRIV|P\b/i.test(value) ? 'private' : 'unavailable' }];
      case 'MESG':
        return mesgFields(value.replace(/\s+/g, ''));
    }
  }

  // +CLIP: "number",type[,…]
  m = /^\+CLIP:\s*"([^"]*)"/i.exec(line);
  if (m) {
    // An empty +CLIP number is a withheld one (the network sends CLI validity 1 with it).
    const f = m[1]!.trim() === '' ? null : numberField(m[1]!);
    return [f ?? { kind: 'absence', value: 'private' }];
  }
  // ELSA: RING;from;to
  m = /^RING;([^;]*);(.*)$/i.exec(line);
  if (m) return [numberField(m[1]!) ?? { kind: 'absence', value: 'unavailable' }, { kind: 'extra', key: 'called-number', value: m[2]!.trim() }];
  // ZyXEL ISDN: FM:<from> TO:<to>
  m = /^FM:\s*(\S*)\s+TO:\s*(\S*)$/i.exec(line);
  if (m) return [numberField(m[1]!) ?? { kind: 'absence', value: 'unavailable' }, { kind: 'extra', key: 'called-number', value: m[2]! }];

  // Unformatted mode: the packet as one hex line (at least type + length + checksum).
  if (/^(04|80|06|82|81|86|89)[0-9A-F]{4,}$/i.test(line)) {
    const r = decodeCallerIdPacket(line);
    return [r.ok ? { kind: 'packet', hex: line, ok: true } : { kind: 'packet', hex: line, ok: false, reason: r.reason }];
  }
  return null;
}
