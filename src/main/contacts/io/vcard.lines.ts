/**
 * The vCard lexer: text → cards → properties, for versions 2.1, 3.0 and 4.0 alike. It undoes line
 * folding and quoted-printable soft breaks, reads group, name and parameters in every spelling phones
 * produce, and decodes QUOTED-PRINTABLE and BASE64 values. It does not give properties meaning (see
 * vcard.parse.ts) and leaves backslash escapes in place, because ';' and ',' split structured values
 * only where they are not escaped.
 */
import { charsetOf, decodeCharset, type LegacyCharset } from './encoding';
import { ImportParseError } from './record';

export type VProperty = {
  /** Physical line where the property starts. */
  line: number;
  /** Property group ('item1' in Apple's item1.TEL), '' when none. */
  group: string;
  /** Upper-case name: 'TEL', 'X-ABLABEL'. */
  name: string;
  /** Upper-case parameter names → values (unquoted). vCard 2.1 bare parameters go under TYPE or ENCODING. */
  params: ReadonlyMap<string, string[]>;
  /**
   * The value with transfer encodings and charset undone, still backslash-escaped. '' for skipped
   * binary data; as written (undecoded) for properties the reader was told not to keep.
   */
  value: string;
  /** Why the value could not be decoded (then `value` is ''): the card holding it is not imported. */
  unreadable?: string;
};

export type ReadOptions = {
  /** Names of the properties whose values are used; only these are decoded (others may hold anything). */
  keep: ReadonlySet<string>;
  /**
   * Set when the file is single-byte text handed over as Latin-1 (one character per byte): values are
   * decoded from their bytes in the property's CHARSET, or in this code page when it names none.
   */
  legacy?: LegacyCharset | null;
};

export type VCardBlock = { line: number; props: VProperty[] };

const BEGIN = /^\s*begin\s*:\s*vcard\s*$/i;
const END = /^\s*end\s*:\s*vcard\s*$/i;
// Properties every card has: seen outside a card they mean a card lost its BEGIN line, not junk.
const CARD_ONLY = /^\s*(?:[\w-]+\.)?(?:version|fn|n|tel)\s*[;:]/i;
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]+$/;
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
/** Shared by every property without parameters (most of them): one Map less per line. */
const NO_PARAMS: ReadonlyMap<string, string[]> = new Map();

/**
 * The cards of a file, one at a time (a 100k-card file never holds all its parsed properties at
 * once). Text between cards (mail headers, blank lines) is ignored. Throws ImportParseError for
 * broken syntax, and 'not_vcard' when the file has no card at all.
 */
export function* readCards(text: string, opts: ReadOptions): Generator<VCardBlock> {
  const lines = new LineReader(text.replace(/^\uFEFF/, ''));
  let card: VCardBlock | null = null;
  let afterBase64 = false;
  let cards = 0;
  for (let first = lines.next(); first !== undefined; first = lines.next()) {
    const lineNo = lines.lineNo;
    const line = unfold(first, lines);
    if (line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim() === '')) continue;

    if (card === null) {
      if (BEGIN.test(line)) card = { line: lineNo, props: [] };
      else if (END.test(line) || CARD_ONLY.test(line)) throw new ImportParseError(lineNo, 'no_begin', 'vCard content without BEGIN:VCARD');
      continue;
    }
    if (BEGIN.test(line)) throw unterminated(card, lineNo);
    if (END.test(line)) {
      cards++;
      yield card;
      card = null;
      afterBase64 = false;
      continue;
    }
    // vCard 2.1 lets BASE64 data run on unindented lines; they are part of the (skipped) photo.
    if (afterBase64 && !line.includes(':') && BASE64_TEXT.test(line)) continue;
    const prop = readProperty(line, lineNo, opts);
    afterBase64 = isBase64(prop.params);
    card.props.push(prop);
  }
  if (card !== null) throw unterminated(card, lines.lineNo);
  if (cards === 0) throw new ImportParseError(1, 'not_vcard', 'no BEGIN:VCARD in the file');
}

/**
 * One logical line from its first physical line and the continuations after it: folded lines (a
 * leading space or tab) and quoted-printable soft breaks ('=' at the end, checked before folding so
 * that a continuation starting with a space keeps that space). The pieces are joined once at the end
 * and only the last piece is looked at: re-reading the growing line at every fold made a 1 MB photo
 * or 40,000 soft breaks take minutes.
 */
function unfold(first: string, lines: LineReader): string {
  let next = lines.peek();
  if (next === undefined || !(next.startsWith(' ') || next.startsWith('\t') || first.endsWith('='))) return first;
  const pieces = [first];
  let last = first;
  let qp: boolean | null = null; // decided once, from the head, the first time a piece ends with '='
  for (; next !== undefined; next = lines.peek()) {
    if (last.endsWith('=') && (qp ??= isQuotedPrintable(headOf(pieces))) && !END.test(next)) {
      pieces[pieces.length - 1] = last.slice(0, -1);
      last = next;
    } else if (next.startsWith(' ') || next.startsWith('\t')) last = next.slice(1);
    else break;
    pieces.push(last);
    lines.next();
  }
  return pieces.join('');
}

/** The name and parameters of a logical line (up to its first ':'), from its first pieces only. */
function headOf(pieces: string[]): string {
  let head = '';
  for (const p of pieces) {
    const colon = p.indexOf(':');
    if (colon >= 0) return head + p.slice(0, colon + 1);
    head += p;
  }
  return head;
}

/** Physical lines (CRLF, LF or CR) with one line of lookahead, without splitting the whole file up front. */
class LineReader {
  /** 1-based number of the line last returned by next(). */
  lineNo = 0;
  private pos = 0;
  private cr = -1;
  private lf = -1;
  private ahead: string | undefined;
  private hasAhead = false;

  constructor(private readonly text: string) {}

  next(): string | undefined {
    const line = this.hasAhead ? this.ahead : this.read();
    this.hasAhead = false;
    if (line !== undefined) this.lineNo++;
    return line;
  }

  peek(): string | undefined {
    if (!this.hasAhead) {
      this.ahead = this.read();
      this.hasAhead = true;
    }
    return this.ahead;
  }

  private read(): string | undefined {
    const { text, pos } = this;
    if (pos > text.length) return undefined;
    // Next CR and LF are cached: searching again from every line would make LF-only files quadratic.
    if (this.cr < pos) this.cr = indexOrEnd(text, '\r', pos);
    if (this.lf < pos) this.lf = indexOrEnd(text, '\n', pos);
    const end = Math.min(this.cr, this.lf);
    if (end === Infinity) {
      this.pos = text.length + 1;
      return text.slice(pos);
    }
    this.pos = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
    return text.slice(pos, end);
  }
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? Infinity : k;
}

function unterminated(card: VCardBlock, at: number): ImportParseError {
  return new ImportParseError(card.line, 'unterminated', `the card starting here has no END:VCARD (reached line ${at})`);
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /quoted-printable/i.test(line.slice(0, colon));
}

function isBase64(params: ReadonlyMap<string, string[]>): boolean {
  const enc = params.get('ENCODING')?.at(-1)?.toUpperCase();
  return enc === 'B' || enc === 'BASE64';
}

/** One unfolded line: `[group.]NAME[;param…]:value`. */
export function readProperty(line: string, lineNo: number, opts: ReadOptions): VProperty {
  const colon = headEnd(line);
  if (colon < 0) throw new ImportParseError(lineNo, 'bad_line', `no ':' in "${line.slice(0, 40)}"`);
  const semicolon = line.indexOf(';');
  const hasParams = semicolon >= 0 && semicolon < colon;
  const fullName = line.slice(0, hasParams ? semicolon : colon).trim();
  const dot = fullName.lastIndexOf('.');
  let params = NO_PARAMS;
  if (hasParams) {
    const own = new Map<string, string[]>();
    for (const seg of splitOutsideQuotes(line.slice(semicolon + 1, colon), ';')) readParam(seg.trim(), own);
    params = own;
  }
  const prop: VProperty = {
    line: lineNo,
    group: dot >= 0 ? fullName.slice(0, dot) : '',
    name: (dot >= 0 ? fullName.slice(dot + 1) : fullName).toUpperCase(),
    params,
    value: line.slice(colon + 1),
  };
  if (!opts.keep.has(prop.name) || (!hasParams && !opts.legacy)) return prop;
  try {
    prop.value = decodeValue(prop, lineNo, opts.legacy ?? null);
  } catch (e) {
    if (!(e instanceof ImportParseError)) throw e;
    prop.value = '';
    prop.unreadable = e.message;
  }
  return prop;
}

/** Index of the ':' that ends the name and parameters; a quoted parameter value may hold ':'. */
function headEnd(line: string): number {
  const colon = line.indexOf(':');
  const quote = line.indexOf('"');
  if (quote < 0 || colon < quote) return colon;
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return k;
  }
  return -1;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  if (!s.includes('"')) return s.split(sep);
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '"') quoted = !quoted;
    else if (s[k] === sep && !quoted) {
      out.push(s.slice(start, k));
      start = k + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function readParam(seg: string, params: Map<string, string[]>): void {
  if (seg === '') return;
  const custom = /^x-custom\((.*)\)$/i.exec(seg);
  if (custom) {
    params.set('TYPE', [...(params.get('TYPE') ?? []), androidLabel(custom[1]!).toLowerCase()]);
    return;
  }
  const eq = seg.indexOf('=');
  // vCard 2.1 bare parameters: TEL;CELL;VOICE, NOTE;QUOTED-PRINTABLE.
  const key = eq >= 0 ? seg.slice(0, eq).trim().toUpperCase() : BARE_ENCODINGS.has(seg.toUpperCase()) ? 'ENCODING' : 'TYPE';
  const raw = eq >= 0 ? seg.slice(eq + 1) : seg;
  // TYPE="work,voice" is a list even when quoted as one value; other values may hold quoted commas.
  const values =
    key === 'TYPE'
      ? raw
          .replace(/"/g, '')
          .toLowerCase()
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : splitOutsideQuotes(raw, ',').map((v) => decodeParamValue(v.trim()));
  const list = params.get(key);
  if (list) list.push(...values);
  else params.set(key, values);
}

/**
 * Android writes a custom label with non-ASCII letters as X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=D8=AF…):
 * the label is the last part.
 */
function androidLabel(inner: string): string {
  const label = inner.slice(inner.lastIndexOf(',') + 1);
  if (!/quoted-printable/i.test(inner)) return label;
  try {
    return decodeQuotedPrintable(label, 'utf-8', 0);
  } catch {
    return label; // a label only refines the phone's kind; not worth failing the file for
  }
}

/** Strips quotes and undoes RFC 6868 escapes (^n newline, ^' quote, ^^ caret). */
function decodeParamValue(v: string): string {
  const unquoted = v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
  return unquoted.includes('^') ? unquoted.replace(/\^(\^|n|')/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^')) : unquoted;
}

/**
 * Undoes ENCODING (quoted-printable, base64) and CHARSET. In a UTF-8 or UTF-16 file a plain value is
 * already text; in a single-byte file (`legacy`) every value is still bytes, one per character.
 */
function decodeValue(p: VProperty, lineNo: number, legacy: LegacyCharset | null): string {
  const enc = p.params.get('ENCODING')?.at(-1)?.toUpperCase();
  const named = p.params.get('CHARSET')?.at(-1);
  // A CHARSET name we do not know: UTF-8 (or the file's code page) is what the writer nearly always meant.
  const charset = named !== undefined && charsetOf(named) !== null ? named : (legacy ?? 'utf-8');
  if (enc === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(p.value, charset, lineNo, legacy !== null);
  if (enc === 'B' || enc === 'BASE64') {
    if (BINARY.has(p.name)) return ''; // photos are not imported; no need to decode megabytes
    return decodeCharset(Buffer.from(p.value.replace(/\s+/g, ''), 'base64'), charset, lineNo);
  }
  if (legacy !== null) return /^[\x00-\x7f]*$/.test(p.value) ? p.value : decodeCharset(Buffer.from(p.value, 'latin1'), charset, lineNo);
  return p.value;
}

/**
 * Quoted-printable → text. Bytes are collected first and decoded once, because phones split one
 * UTF-8 character across several =XX sequences (and across soft line breaks). `rawBytes`: the text
 * holds one character per byte (a single-byte file), so a literal non-ASCII character is that byte.
 */
export function decodeQuotedPrintable(s: string, charset: string, lineNo: number, rawBytes = false): string {
  const bytes: number[] = [];
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code === 0x3d) {
      const h = hexByte(s.charCodeAt(k + 1), s.charCodeAt(k + 2));
      if (h >= 0) {
        bytes.push(h);
        k += 2;
        continue;
      }
      if (k === s.length - 1) break; // a soft break at the very end of the value
      throw new ImportParseError(lineNo, 'bad_encoding', `invalid quoted-printable sequence "=${s.slice(k + 1, k + 3)}"`);
    }
    if (code < 0x80 || (rawBytes && code < 0x100)) bytes.push(code);
    else {
      // A literal non-ASCII character (against the rules, but written by some phones): keep it.
      const cp = s.codePointAt(k)!;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
      if (cp > 0xffff) k++;
    }
  }
  return decodeCharset(Uint8Array.from(bytes), charset, lineNo);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function hexByte(a: number, b: number): number {
  const hi = hexDigit(a);
  const lo = hexDigit(b);
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** Splits a value on an unescaped separator (';' between N or ADR parts, ',' between CATEGORIES). */
export function splitValue(value: string, sep: ';' | ','): string[] {
  if (!value.includes('\\')) return value.split(sep);
  const out: string[] = [];
  let start = 0;
  for (let k = 0; k < value.length; k++) {
    const ch = value[k];
    if (ch === '\\') k++;
    else if (ch === sep) {
      out.push(value.slice(start, k));
      start = k + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

/** Undoes \\ \, \; \: and \n (or \N); other backslashes are kept as written. */
export function unescapeValue(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\,;:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
