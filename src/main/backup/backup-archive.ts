/**
 * The backup file: one file, written and read as a stream (a 1M-contact database and gigabytes of
 * recordings never sit in memory), laid out as
 *
 *   "MONSHI-BACKUP-1\n" · u32 header length · header JSON (encryption: none, or scrypt salt and a password check)
 *   member* : u16 name length · name · stored bytes
 *   the manifest, stored as a member named "manifest.json"
 *   trailer (64 bytes): "MONSHI-TRAILER-1" · u64 manifest offset · u64 manifest stored length · SHA-256 of the stored manifest
 *
 * The manifest (written last, when sizes and checksums are known, as a zip's central directory is) lists
 * each member's offset, stored length, size and the SHA-256 of its plain bytes. Encrypted, each member
 * is its own AES-256-GCM message (a fresh 12-byte IV, its name as associated data, the 16-byte tag after
 * it), so a flipped byte is found in — and reported as — the member it is in, and a member cannot be
 * swapped for another. The key comes from scrypt over the password and a random salt kept in the header.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type CipherGCM,
  type DecipherGCM,
  type ScryptOptions,
} from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../kernel/app-error';

export const MAGIC = Buffer.from('MONSHI-BACKUP-1\n');
const TRAILER_MAGIC = Buffer.from('MONSHI-TRAILER-1');
const TRAILER_SIZE = 64;
export const MANIFEST_MEMBER = 'manifest.json';
const IV = 12;
const TAG = 16;
/** scrypt cost: ~100 ms on an office PC, 64 MB of memory (maxmem raised to fit). */
const SCRYPT = { N: 1 << 16, r: 8, p: 1 };
/** Encrypted under the key and kept in the header: a wrong password fails here, before any member is read. */
const CHECK_TEXT = Buffer.from('monshi backup password check');

export type MemberEntry = { name: string; offset: number; stored: number; size: number; sha256: string };

export type Manifest = {
  app: 'monshi';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  members: MemberEntry[];
};

type Encryption = { cipher: 'aes-256-gcm'; kdf: 'scrypt'; salt: string; N: number; r: number; p: number; check: string };
type Header = { format: 1; encryption: Encryption | null };

const scrypt = (password: string, salt: Buffer, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, 32, o, (e, key) => (e ? reject(e) : resolve(key))));
const scryptOpts = (e: { N: number; r: number; p: number }): ScryptOptions => ({ N: e.N, r: e.r, p: e.p, maxmem: 256 * e.N * e.r });

function sealSmall(key: Buffer, aad: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

function openSmall(key: Buffer, aad: string, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([d.update(sealed.subarray(IV, sealed.length - TAG)), d.final()]);
}

const damaged = (file: string, member: string) => new AppError('backup/damaged', 'backup.damaged', { file, member });

/** Writes members one after another to `file`; `finish` writes the manifest and the trailer. */
export async function createArchiveWriter(file: string, password: string | null) {
  let key: Buffer | null = null;
  let encryption: Encryption | null = null;
  if (password) {
    const salt = randomBytes(16);
    key = await scrypt(password, salt, scryptOpts(SCRYPT));
    encryption = {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      salt: salt.toString('base64'),
      ...SCRYPT,
      check: sealSmall(key, 'check', CHECK_TEXT).toString('base64'),
    };
  }
  const fh: FileHandle = await open(file, 'wx');
  let pos = 0;
  const write = async (b: Buffer) => {
    let done = 0;
    while (done < b.length) done += (await fh.write(b, done, b.length - done, pos + done)).bytesWritten;
    pos += b.length;
  };
  const header = Buffer.from(JSON.stringify({ format: 1, encryption } satisfies Header));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  await write(Buffer.concat([MAGIC, len, header]));
  const members: MemberEntry[] = [];

  /** One member from chunks of its plain bytes (a file's read stream, or one buffer). */
  async function add(name: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<MemberEntry> {
    const nameBytes = Buffer.from(name);
    const nl = Buffer.alloc(2);
    nl.writeUInt16BE(nameBytes.length);
    await write(Buffer.concat([nl, nameBytes]));
    const offset = pos;
    const hash = createHash('sha256');
    let size = 0;
    let cipher: CipherGCM | null = null;
    if (key) {
      const iv = randomBytes(IV);
      cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(nameBytes);
      await write(iv);
    }
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      await write(cipher ? cipher.update(chunk) : chunk);
    }
    if (cipher) await write(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
    const entry = { name, offset, stored: pos - offset, size, sha256: hash.digest('hex') };
    members.push(entry);
    return entry;
  }

  return {
    add,
    async finish(meta: Omit<Manifest, 'members'>): Promise<Manifest> {
      const manifest: Manifest = { ...meta, members };
      const plain = Buffer.from(JSON.stringify(manifest));
      const nameBytes = Buffer.from(MANIFEST_MEMBER);
      const nl = Buffer.alloc(2);
      nl.writeUInt16BE(nameBytes.length);
      await write(Buffer.concat([nl, nameBytes]));
      const offset = pos;
      const stored = key ? sealSmall(key, MANIFEST_MEMBER, plain) : plain;
      await write(stored);
      const trailer = Buffer.alloc(TRAILER_SIZE);
      TRAILER_MAGIC.copy(trailer, 0);
      trailer.writeBigUInt64BE(BigInt(offset), 16);
      trailer.writeBigUInt64BE(BigInt(stored.length), 24);
      createHash('sha256').update(stored).digest().copy(trailer, 32);
      await write(trailer);
      await fh.sync();
      await fh.close();
      return manifest;
    },
    async abort() {
      await fh.close().catch(() => undefined);
    },
  };
}

export type ArchiveReader = {
  file: string;
  encrypted: boolean;
  manifest: Manifest;
  /** A member's plain bytes, in chunks; throws backup/damaged naming the member when they are not what the manifest says. */
  read(entry: MemberEntry): AsyncGenerator<Buffer>;
};

/** Reads only as much as needed; small reads go through this. */
async function readAt(fh: FileHandle, pos: number, length: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fh.read(b, 0, length, pos);
  return b.subarray(0, bytesRead);
}

/**
 * Opens a backup: checks its header, the password and the manifest's checksum. backup/not_backup for a
 * file that is not one, backup/password for a missing or wrong password, backup/damaged naming the part
 * that is not as written.
 */
export async function openArchive(file: string, password: string | null): Promise<ArchiveReader> {
  const fh = await open(file, 'r').catch((e: unknown) => {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError(missing ? 'not_found' : 'backup/unreadable', 'backup.unreadable', { file, detail: (e as Error).message });
  });
  try {
    const { size } = await fh.stat();
    const head = await readAt(fh, 0, MAGIC.length + 4);
    if (head.length < MAGIC.length + 4 || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('backup/not_backup', 'backup.not_backup', { file });
    const headerLen = head.readUInt32BE(MAGIC.length);
    let header: Header;
    try {
      header = JSON.parse((await readAt(fh, MAGIC.length + 4, Math.min(headerLen, 4096))).toString('utf8')) as Header;
    } catch {
      throw damaged(file, 'header');
    }
    if (header.format !== 1) throw damaged(file, 'header');
    let key: Buffer | null = null;
    if (header.encryption) {
      if (!password) throw new AppError('backup/password', 'backup.password_needed', { file });
      const enc = header.encryption;
      key = await scrypt(password, Buffer.from(enc.salt, 'base64'), scryptOpts(enc));
      try {
        openSmall(key, 'check', Buffer.from(enc.check, 'base64'));
      } catch {
        throw new AppError('backup/password', 'backup.password_wrong', { file });
      }
    }
    const trailer = await readAt(fh, size - TRAILER_SIZE, TRAILER_SIZE);
    if (size < TRAILER_SIZE || !trailer.subarray(0, 16).equals(TRAILER_MAGIC)) throw damaged(file, 'trailer');
    const mOffset = Number(trailer.readBigUInt64BE(16));
    const mStored = Number(trailer.readBigUInt64BE(24));
    if (mOffset + mStored + TRAILER_SIZE !== size) throw damaged(file, MANIFEST_MEMBER);
    const stored = await readAt(fh, mOffset, mStored);
    if (!createHash('sha256').update(stored).digest().equals(trailer.subarray(32))) throw damaged(file, MANIFEST_MEMBER);
    let manifest: Manifest;
    try {
      manifest = JSON.parse((key ? openSmall(key, MANIFEST_MEMBER, stored) : stored).toString('utf8')) as Manifest;
    } catch {
      throw damaged(file, MANIFEST_MEMBER);
    }
    if (manifest.app !== 'monshi' || !Array.isArray(manifest.members)) throw damaged(file, MANIFEST_MEMBER);
    return { file, encrypted: key !== null, manifest, read: (entry) => readMember(file, key, entry) };
  } finally {
    // Members are read through their own streams; the handle served the small reads above.
    await fh.close();
  }
}

async function* readMember(file: string, key: Buffer | null, entry: MemberEntry): AsyncGenerator<Buffer> {
  const fh = await open(file, 'r');
  const nameBytes = Buffer.from(entry.name);
  try {
    // The name stored before the bytes must be the one the manifest gives this offset.
    const before = await readAt(fh, entry.offset - 2 - nameBytes.length, 2 + nameBytes.length);
    if (before.readUInt16BE(0) !== nameBytes.length || !before.subarray(2).equals(nameBytes)) throw damaged(file, entry.name);
    let decipher: DecipherGCM | null = null;
    let start = entry.offset;
    let end = entry.offset + entry.stored; // exclusive
    if (key) {
      if (entry.stored < IV + TAG) throw damaged(file, entry.name);
      decipher = createDecipheriv('aes-256-gcm', key, await readAt(fh, start, IV));
      decipher.setAAD(nameBytes);
      decipher.setAuthTag(await readAt(fh, end - TAG, TAG));
      start += IV;
      end -= TAG;
    }
    const hash = createHash('sha256');
    let size = 0;
    if (end > start) {
      for await (const raw of createReadStream(file, { start, end: end - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        const plain = decipher ? decipher.update(raw) : raw;
        hash.update(plain);
        size += plain.length;
        yield plain;
      }
    }
    if (decipher) {
      try {
        decipher.final();
      } catch {
        throw damaged(file, entry.name);
      }
    }
    const sum = Buffer.from(hash.digest('hex'));
    if (size !== entry.size || !timingSafeEqual(sum, Buffer.from(entry.sha256.padEnd(64, '0').slice(0, 64)))) throw damaged(file, entry.name);
  } finally {
    await fh.close();
  }
}
