import type { Lang } from '../../shared/text/calendar';
import { en } from './en';
import { fa, type Messages } from './fa';

export type { Messages };
export const messages: Record<Lang, Messages> = { fa, en };
