/**
 * What the simulated network sends as caller ID, and how the simulated modem prints it. Written
 * independently of src/telephony/caller-id on purpose: the simulator is the reference the driver's
 * decoder is tested against, so it must not share its code.
 */
export type SimCallerIdFormat = 'formatted' | 'formatted-nospace' | 'sdmf' | 'mdmf' | 'dtmf' | 'private' | 'unavailable' | 'none';

export type SimCallerId = {
  number: string;
  name: string;
  format: SimCallerIdFormat;
  /** MMDDHHMM as the exchange stamps it. */
  stamp: string;
  /** A damaged packet: formatted mode prints nothing, unformatted prints the bad hex. */
  corrupt?: boolean;
  /** Prefix a BT-style `MESG = 110101` (call type: voice). */
  mesg?: boolean;
};

function checksum(bytes: number[]): number {
  return (256 - (bytes.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
}

const ascii = (s: string) => Array.from(Buffer.from(s, 'latin1'));
const tlv = (type: number, value: number[]) => [type, value.length, ...value];

/** The message on the wire after channel seizure: SDMF (0x04) or MDMF (0x80). */
export function packetOf(cid: SimCallerId): number[] {
  const withheld = cid.format === 'private' ? 'P' : cid.format === 'unavailable' ? 'O' : null;
  let msg: number[];
  if (cid.format === 'sdmf') {
    const body = [...ascii(cid.stamp), ...ascii(withheld ?? cid.number)];
    msg = [0x04, body.length, ...body];
  } else {
    const body = [...tlv(0x01, ascii(cid.stamp))];
    body.push(...(withheld ? tlv(0x04, ascii(withheld)) : tlv(0x02, ascii(cid.number))));
    if (withheld) body.push(...tlv(0x08, ascii(withheld)));
    else if (cid.name) body.push(...tlv(0x07, Array.from(Buffer.from(cid.name, 'utf8')).slice(0, 21)));
    msg = [0x80, body.length, ...body];
  }
  const packet = [...msg, checksum(msg)];
  if (cid.corrupt) packet[packet.length - 2] = (packet[packet.length - 2]! ^ 0x5a) & 0xff;
  return packet;
}

/**
 * The text lines the modem prints for this caller ID in caller-ID mode 1 (formatted) or 2 (hex).
 * Empty when the modem prints nothing (mode 0, a damaged packet in formatted mode, DTMF or no CID).
 */
export function modemCidLines(cid: SimCallerId, mode: number, spaces: boolean): string[] {
  if (mode === 0 || cid.format === 'none' || cid.format === 'dtmf') return [];
  const packet = packetOf(cid);
  if (mode === 2) return [Buffer.from(packet).toString('hex').toUpperCase()];
  if (cid.corrupt) return [];
  const sep = spaces && cid.format !== 'formatted-nospace' ? ' = ' : '=';
  const lines: string[] = [];
  if (cid.mesg) lines.push(`MESG${sep}110101`);
  lines.push(`DATE${sep}${cid.stamp.slice(0, 4)}`, `TIME${sep}${cid.stamp.slice(4, 8)}`);
  if (cid.format === 'private') lines.push(`NMBR${sep}P`, `NAME${sep}P`);
  else if (cid.format === 'unavailable') lines.push(`NMBR${sep}O`, `NAME${sep}O`);
  else {
    lines.push(`NMBR${sep}${cid.number}`);
    if (cid.name && cid.format !== 'sdmf') lines.push(`NAME${sep}${cid.name}`);
  }
  return lines;
}

/** DTMF caller ID as sent before the first ring: A<number>C (Annex C, the common form). */
export function dtmfCidDigits(cid: SimCallerId): string {
  return `A${cid.number}C`;
}
