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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'fa',
  calendar: 'jalali',
  phoneCountryCode: '98',
  phoneAreaCode: '21',
  userName: '',
};
