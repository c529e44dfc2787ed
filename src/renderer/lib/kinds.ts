/**
 * The phone and field kinds as runtime lists. Kept here (type-checked against the contract) so the UI
 * bundle imports only types from the contract and does not pull zod into the browser.
 */
import type { FieldKind, PhoneKind } from '../../shared/contract/contacts';

export const PHONE_KIND_LIST = ['mobile', 'work', 'home', 'fax', 'other'] as const satisfies readonly PhoneKind[];
export const FIELD_KIND_LIST = ['text', 'number', 'date', 'bool', 'choice'] as const satisfies readonly FieldKind[];

// Compile-time proof that no kind of the contract is missing from the lists above.
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const phoneKindsComplete: Complete<PhoneKind, (typeof PHONE_KIND_LIST)[number]> = true;
export const fieldKindsComplete: Complete<FieldKind, (typeof FIELD_KIND_LIST)[number]> = true;
