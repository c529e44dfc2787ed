/** Engine messages of fax routing (the rules' errors, a routed fax's alarm), in both languages. Spread into messages.ts. */
export const faxRoutesFa = {
  'fax_route.bad_number': 'شمارهٔ «{value}» شمارهٔ تلفن نیست؛ آن را با رقم بنویسید (مثلاً ۰۲۱۸۸۸۸۱۲۳۴ یا برای پیش‌شماره ۰۲۱).',
  'fax_route.no_line': 'خط «{value}» در فهرست خط‌ها نیست.',
  'fax_route.no_staff': 'این کارمند (پروندهٔ {id}) دیگر پرونده‌ای ندارد؛ کارمند دیگری برگزینید.',
  'fax_route.no_group': 'این گروه (شمارهٔ {id}) دیگر نیست؛ گروه دیگری برگزینید.',
  'fax_route.bad_order': 'ترتیب قاعده‌ها کهنه است؛ صفحه را تازه کنید و دوباره جابه‌جا کنید.',
  'not_found.fax_route': 'این قاعدهٔ مسیر فکس پیدا نشد.',
  'alarms.fax_title': 'فکس برای \u2068{name}\u2069 از \u2068{from}\u2069',
  'alarms.fax_note': '{pages} صفحه',
};

export const faxRoutesEn: { [K in keyof typeof faxRoutesFa]: string } = {
  'fax_route.bad_number': '“{value}” is not a phone number; write it in digits (e.g. 021 8888 1234, or 021 for a prefix).',
  'fax_route.no_line': 'Line “{value}” is not in the list of lines.',
  'fax_route.no_staff': 'This staff member (file {id}) has no file any more; choose someone else.',
  'fax_route.no_group': 'This group ({id}) is gone; choose another group.',
  'fax_route.bad_order': 'The order of the rules is out of date; reload the page and move them again.',
  'not_found.fax_route': 'This fax routing rule was not found.',
  'alarms.fax_title': 'Fax for \u2068{name}\u2069 from \u2068{from}\u2069',
  'alarms.fax_note': '{pages} pages',
};
