/**
 * T.30 HDLC frames as a Class 1 modem exchanges them (T.31 §8.3.5/8.3.6): address 0xFF, control 0x03
 * (more frames follow) or 0x13 (the final frame of the message), the FCF and its FIF. The modem adds the
 * flags and the frame check sequence when sending; when receiving it hands the FCS on (spandsp does, some
 * modems do not), so it is checked and removed here when it is there.
 */
import { fcfName, type FcfName } from './fcf';

export const ADDRESS = 0xff;
export const CONTROL_MORE = 0x03;
export const CONTROL_FINAL = 0x13;

/** The length of TSI, CSI, CIG (T.30 §5.3.6.2.4): 20 characters. */
export const ID_LENGTH = 20;

export type Frame = {
  fcf: number;
  /** The FCF's name with the X bit ignored, or null for an unknown one. */
  name: FcfName | null;
  fif: Uint8Array;
  final: boolean;
};

export function buildFrame(fcf: number, fif: Uint8Array = new Uint8Array(0), final = true): Uint8Array {
  const out = new Uint8Array(3 + fif.length);
  out[0] = ADDRESS;
  out[1] = final ? CONTROL_FINAL : CONTROL_MORE;
  out[2] = fcf;
  out.set(fif, 3);
  return out;
}

/** The HDLC FCS (ISO 3309 CRC-16, reflected 0x8408, complemented). */
export function frameCheck(octets: Uint8Array, end = octets.length): number {
  let crc = 0xffff;
  for (let i = 0; i < end; i++) {
    crc ^= octets[i]!;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return ~crc & 0xffff;
}

/** A frame with its FCS appended, least significant octet first (as on the line, and as +FRH hands it over). */
export function withFcs(frame: Uint8Array): Uint8Array {
  const fcs = frameCheck(frame);
  const out = new Uint8Array(frame.length + 2);
  out.set(frame);
  out[frame.length] = fcs & 0xff;
  out[frame.length + 1] = fcs >> 8;
  return out;
}

/**
 * Reads one received frame. A trailing FCS that checks is dropped; without one the octets are taken as
 * they are. Returns null for what is not a T.30 frame (no 0xFF address, unknown control, too short).
 */
export function parseFrame(octets: Uint8Array): Frame | null {
  let end = octets.length;
  if (end >= 5 && frameCheck(octets, end - 2) === (octets[end - 2]! | (octets[end - 1]! << 8))) end -= 2;
  if (end < 3 || octets[0] !== ADDRESS) return null;
  const control = octets[1]!;
  if (control !== CONTROL_MORE && control !== CONTROL_FINAL) return null;
  const fcf = octets[2]!;
  return { fcf, name: fcfName(fcf), fif: octets.slice(3, end), final: control === CONTROL_FINAL };
}

/**
 * TSI/CSI/CIG's FIF: the number right-aligned in 20 characters, sent last character first (T.30
 * §5.3.6.2.4), so "+1 555 0100" goes as "0010 555 1+" and nine spaces. T.30 allows digits, "+" and space;
 * other printable ASCII is passed through (many machines send names), anything else becomes a space.
 */
export function encodeId(id: string): Uint8Array {
  const clean = [...id.trim()]
    .map((c) => (c >= ' ' && c <= '~' ? c : ' '))
    .join('')
    .slice(-ID_LENGTH);
  const padded = clean.padStart(ID_LENGTH, ' ');
  const out = new Uint8Array(ID_LENGTH);
  for (let i = 0; i < ID_LENGTH; i++) out[i] = padded.charCodeAt(ID_LENGTH - 1 - i);
  return out;
}

/** The identity in a TSI/CSI/CIG frame, as the far end's user reads it. */
export function decodeId(fif: Uint8Array): string {
  let s = '';
  for (let i = fif.length - 1; i >= 0; i--) {
    const c = fif[i]!;
    s += c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : ' ';
  }
  return s.trim();
}

/** A TSI, CSI or CIG frame (the X bit may be set on TSI). */
export const idFrame = (fcf: number, id: string, final = false) => buildFrame(fcf, encodeId(id), final);
