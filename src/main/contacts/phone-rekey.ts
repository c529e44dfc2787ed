/**
 * A contact's phone key (the international digits caller ID is matched by) depends on the office's
 * region: a local number typed without its area code is keyed with the area code in Settings, and the
 * rules themselves have changed (short service numbers stay as typed since issue 13). Keys written
 * under another region or older rules would let a call from that very number go unrecognised, so the
 * keys are recomputed when the region or the rules differ from what they were written under — at the
 * engine's start (once after an update) and after Settings changes the country or area code.
 */
import { normalizePhone, type PhoneRegion } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { createSettingsRepo } from '../settings/settings.repo';
import type { ContactsRepo } from './contacts.repo';

/** Bump when `normalizePhone` keys a number differently: every stored key is then computed again. */
export const PHONE_KEY_RULES = 2;
/** Where the signature of the keys in `contact_phones` is kept (a settings row no screen shows). */
const SIGNATURE_KEY = 'internal.phoneKeysWrittenFor';
const BATCH = 2000;

export const phoneKeysSignature = (r: PhoneRegion) =>
  `${PHONE_KEY_RULES}|${r.countryCode}|${r.areaCode}|${r.trunkPrefix}|${r.internationalPrefix}|${r.nationalLength}`;

/**
 * Recomputes every key that differs under `region`, in batches of one transaction each, and calls
 * `reindex` for each contact whose keys changed (its search terms hold the number's forms). Returns
 * the contacts changed. Cheap when nothing differs: one read of a settings row.
 */
export function rekeyPhones(db: Db, repo: ContactsRepo, region: PhoneRegion, reindex: (contactIds: number[]) => void): number[] {
  const signature = phoneKeysSignature(region);
  const settings = createSettingsRepo(db);
  if (settings.internal(SIGNATURE_KEY) === signature) return [];
  const changed = new Set<number>();
  for (let after = 0, rows = repo.phonesAfter(after, BATCH); rows.length > 0; rows = repo.phonesAfter(after, BATCH)) {
    after = rows[rows.length - 1]!.id;
    const ids = new Set<number>();
    db.transaction(() => {
      for (const r of rows) {
        const key = normalizePhone(r.number, region)?.key ?? null;
        if (key === r.phone_key) continue;
        repo.setPhoneKey(r.id, key);
        ids.add(r.contact_id);
      }
      if (ids.size > 0) reindex([...ids]);
    })();
    for (const id of ids) changed.add(id);
  }
  settings.writeMany({ [SIGNATURE_KEY]: signature });
  return [...changed];
}
