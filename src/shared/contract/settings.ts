import { z } from 'zod';

export const settingsSchema = z.object({
  /** UI language. */
  language: z.enum(['fa', 'en']),
  /** Calendar for showing and entering dates; independent of the language. */
  calendar: z.enum(['jalali', 'gregorian']),
  /** Home numbering plan used to normalise phone numbers. */
  phoneCountryCode: z.string().regex(/^[1-9]\d{0,2}$/),
  phoneAreaCode: z.string().regex(/^\d{0,4}$/),
  /** Name written as the author of timeline notes added on this PC. */
  userName: z.string().max(100),
  /** The office's name: on printed pages and, later, fax headers. */
  officeName: z.string().max(100),
  /** The first-run guide was finished or dismissed (it shows on the phonebook until then). */
  setupDone: z.boolean(),
  /** The group holding the sample contacts the first-run guide added, while they exist. */
  sampleGroupId: z.number().int().positive().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'fa',
  calendar: 'jalali',
  phoneCountryCode: '98',
  phoneAreaCode: '21',
  userName: '',
  officeName: '',
  setupDone: false,
  sampleGroupId: null,
};
