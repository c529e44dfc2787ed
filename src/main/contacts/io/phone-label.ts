/**
 * Phone kinds and extensions as files spell them: vCard TYPE parameters, Apple's X-ABLabel, Google's
 * "Phone 1 - Type" column, or a number with "x123" glued to it.
 */
import type { PhoneKind } from '../../../shared/contract/contacts';

/**
 * Kind from any set of type words or labels, in English or Persian. Fax wins over everything ("work
 * fax" is a fax machine, not a desk phone); then mobile, work, home; anything else is 'other'.
 */
export function kindFromLabels(labels: Iterable<string>): PhoneKind {
  const text = [...labels].join(' ').toLowerCase();
  // A file spells its few labels on every card: each spelling is read once.
  let kind = kinds.get(text);
  if (kind === undefined) {
    if (kinds.size >= 1000) kinds.clear();
    kinds.set(text, (kind = kindOf(text)));
  }
  return kind;
}

const kinds = new Map<string, PhoneKind>();

function kindOf(text: string): PhoneKind {
  if (/fax|فکس|نمابر|دورنگار/.test(text)) return 'fax';
  if (/cell|mobile|iphone|موبایل|همراه/.test(text)) return 'mobile';
  if (/work|business|office|company|کار|شرکت|دفتر/.test(text)) return 'work';
  if (/home|منزل|خانه/.test(text)) return 'home';
  return 'other';
}

// The one extension parser (also the contact form's and the engine's) lives with the phone helpers.
export { splitExtension } from '../../../shared/text/phone';
