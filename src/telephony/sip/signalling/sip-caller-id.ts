/**
 * Caller ID of an incoming INVITE, as the `caller-id` event of the line: the PBX's asserted identity
 * first (P-Asserted-Identity, RFC 3325), then Remote-Party-ID (the older draft many PBXs still send),
 * then From. A withheld number — Privacy: id, an RPID with privacy=full, an anonymous URI — is the
 * absence 'private', as a modem reports a withheld caller.
 */
import type { CallerId } from '../../line';

/** The headers of the INVITE the caller ID is read from (values as received; several per name possible). */
export type InviteHeaders = { get(name: string): string[] };

type NameAddr = { name: string | null; user: string | null; host: string; params: Record<string, string> };

/** `"Display" <sip:user@host;p>;param=v`, `Display <tel:+123>`, or a bare URI; null when unreadable. */
export function parseNameAddr(value: string): NameAddr | null {
  const v = value.trim();
  let name: string | null = null;
  let uri: string;
  let rest: string;
  const lt = v.indexOf('<');
  if (lt >= 0) {
    const gt = v.indexOf('>', lt);
    if (gt < 0) return null;
    const display = v.slice(0, lt).trim();
    name = display.startsWith('"') ? display.slice(1, display.lastIndexOf('"')).replace(/\\(.)/g, '$1') : display;
    uri = v.slice(lt + 1, gt);
    rest = v.slice(gt + 1);
  } else {
    const semi = v.indexOf(';');
    uri = semi < 0 ? v : v.slice(0, semi);
    rest = semi < 0 ? '' : v.slice(semi);
  }
  const params: Record<string, string> = {};
  for (const p of rest
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = p.indexOf('=');
    params[(eq < 0 ? p : p.slice(0, eq)).toLowerCase()] = eq < 0 ? '' : p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  const m = /^(sips?|tel):(?:([^@;?]*)@)?([^;?>]*)/i.exec(uri.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const user = scheme === 'tel' ? m[3]! : (m[2] ?? null);
  const host = scheme === 'tel' ? '' : m[3]!;
  return { name: name === '' ? null : name, user: user === null ? null : decodeURIComponent(user), host: host.toLowerCase(), params };
}

const anonymousUser = /^(anonymous|restricted|unknown|private|withheld)$/i;

function isAnonymous(a: NameAddr): boolean {
  return (a.user !== null && anonymousUser.test(a.user)) || a.host === 'anonymous.invalid';
}

/** The number part of a SIP user: digits with a leading '+' kept; a user that is not a number stays as sent. */
function numberOf(user: string | null): string | null {
  if (user === null || user === '') return null;
  const plain = user.replace(/[\s\-().]/g, '');
  return /^\+?[0-9*#]+$/.test(plain) ? plain : user;
}

export function sipCallerId(headers: InviteHeaders): CallerId {
  const pai = headers.get('P-Asserted-Identity')[0];
  const rpid = headers.get('Remote-Party-ID')[0];
  const from = headers.get('From')[0];
  const privacy = headers.get('Privacy').join(',').toLowerCase();
  const raw = [pai && `P-Asserted-Identity: ${pai}`, rpid && `Remote-Party-ID: ${rpid}`, from && `From: ${from}`].filter((l): l is string => !!l);
  const base = { date: null, time: null, format: 'formatted' as const, raw };
  const paiAddr = pai ? parseNameAddr(pai) : null;
  const rpidAddr = rpid ? parseNameAddr(rpid) : null;
  const fromAddr = from ? parseNameAddr(from) : null;
  const chosen = paiAddr ?? rpidAddr ?? fromAddr;
  const extras: Record<string, string> = { source: paiAddr ? 'P-Asserted-Identity' : rpidAddr ? 'Remote-Party-ID' : 'From' };
  if (fromAddr?.user && chosen !== fromAddr) extras.from = fromAddr.user;
  // The caller asked for the identity to be withheld: the PBX may still assert it (trusted network), but the
  // front desk must not see it (RFC 3325 §7).
  const withheld =
    /\b(id|user|header)\b/.test(privacy) ||
    (rpidAddr !== null && /^(full|name|uri)$/i.test(rpidAddr.params.privacy ?? '') && !paiAddr) ||
    (chosen !== null && isAnonymous(chosen) && (fromAddr === null || isAnonymous(fromAddr)));
  if (withheld || !chosen) {
    return { ...base, number: null, name: null, absence: withheld ? 'private' : 'none', extras };
  }
  const name = chosen.name ?? (chosen !== fromAddr && fromAddr && !isAnonymous(fromAddr) ? fromAddr.name : null);
  return { ...base, number: numberOf(chosen.user), name: name && !/^anonymous$/i.test(name) ? name : null, absence: null, extras };
}
