/** English messages of the duplicates list; typed by the Persian section. */
import type { DuplicatesMessages } from './duplicates.fa';

export const duplicatesEn: DuplicatesMessages = {
  open: 'Duplicates',
  title: 'Duplicate contacts',
  intro: 'Pairs that are probably one person, likeliest first: the same number (in any form) or the same name spelt differently.',
  empty: 'No duplicate contacts found.',
  samePhone: (n: string) => `Same number: ${n}`,
  sameName: 'Same name',
  reorderedName: 'Same name, words in another order',
  back: 'Back to the phonebook',
};
