/** Import through a real engine: preview, commit, and what the phonebook then holds. */
import type { Contact } from '../../src/shared/contract/contacts';
import type { TestEngine } from '../helpers/engine';

export async function previewOf(engine: TestEngine, bytes: Buffer, fileName: string, lang: 'fa' | 'en' = 'en') {
  return engine.ok('io/import-preview', { fileName, base64: bytes.toString('base64') }, lang);
}

export async function importBytes(
  engine: TestEngine,
  bytes: Buffer,
  fileName: string,
  lang: 'fa' | 'en' = 'en',
  onDuplicate: 'merge' | 'skip' | 'add' = 'merge',
) {
  const preview = await previewOf(engine, bytes, fileName, lang);
  const outcome = await engine.ok('io/import-commit', { previewId: preview.previewId, onDuplicate }, lang);
  return { preview, outcome };
}

/** Every contact in the phonebook, in full. */
export async function everyone(engine: TestEngine): Promise<Contact[]> {
  const { items } = await engine.ok('contacts/search', { limit: 500 });
  return Promise.all(items.map((c) => engine.ok('contacts/get', { id: c.id })));
}
