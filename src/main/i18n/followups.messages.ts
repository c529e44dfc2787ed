/** Engine messages of call outcomes and follow-ups, in both languages. Spread into messages.ts. */
export const followupsFa = {
  'not_found.followup': 'این پیگیری پیدا نشد.',
  'not_found.outcome_kind': 'این نتیجهٔ تماس در فهرست نیست؛ فهرست را تازه کنید.',
  'not_found.followup_owner': 'این کاربر نیست یا غیرفعال است؛ مسئول دیگری برگزینید.',
  'not_found.followup_contact': 'این مخاطب پیدا نشد.',
  'not_found.followup_call': 'این تماس پیدا نشد.',
  'followup.archived_kind': 'نتیجهٔ «{name}» بایگانی شده است؛ نتیجهٔ دیگری برگزینید.',
  'followup.duplicate_kind': 'نام «{name}» دو بار در فهرست نتیجه‌ها آمده است.',
  'alarms.followup_title': 'پیگیری: \u2068{who}\u2069',
};

export const followupsEn: { [K in keyof typeof followupsFa]: string } = {
  'not_found.followup': 'This follow-up was not found.',
  'not_found.outcome_kind': 'This call outcome is not in the list; reload the list.',
  'not_found.followup_owner': 'This user does not exist or is disabled; choose another owner.',
  'not_found.followup_contact': 'This contact was not found.',
  'not_found.followup_call': 'This call was not found.',
  'followup.archived_kind': 'The outcome “{name}” is archived; choose another one.',
  'followup.duplicate_kind': 'The name “{name}” is in the outcome list twice.',
  'alarms.followup_title': 'Follow up: \u2068{who}\u2069',
};
