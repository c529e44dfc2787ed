/** Engine messages of the fax outbox (sending, retries), in both languages. Spread into messages.ts. */
export const faxOutboxFa = {
  'fax_out.no_documents': 'دست‌کم یک سند برای فرستادن برگزینید.',
  'fax_out.unknown_document': 'سند شمارهٔ {id} در کتابخانهٔ فکس نیست؛ شاید حذف شده باشد.',
  'fax_out.no_recipient': 'شمارهٔ فکس را بنویسید یا مخاطب یا گروهی برگزینید.',
  'fax_out.bad_number': 'شمارهٔ فکس «{value}» را نمی‌توان گرفت.',
  'fax_out.contact_no_number': '«{name}» شماره‌ای برای فرستادن فکس ندارد.',
  'fax_out.group_empty': 'هیچ‌کس در گروه «{name}» شماره‌ای برای فرستادن فکس ندارد.',
  'fax_out.too_many_pages': 'این فکس {count} صفحه می‌شود؛ یک فکس حداکثر {max} صفحه می‌تواند داشته باشد.',
  'fax_out.bad_time': 'زمان فرستادن درست نیست.',
  'fax_out.cannot_cancel': 'این فکس دیگر در صف نیست و نمی‌توان آن را لغو کرد.',
  'fax_out.cannot_retry': 'این فکس فرستاده، لغو یا در حال فرستادن است و نمی‌توان آن را دوباره فرستاد.',
  'not_found.fax_job': 'این فکس در صف ارسال پیدا نشد.',
};

export const faxOutboxEn: { [K in keyof typeof faxOutboxFa]: string } = {
  'fax_out.no_documents': 'Choose at least one document to send.',
  'fax_out.unknown_document': 'Document {id} is not in the fax library; it may have been deleted.',
  'fax_out.no_recipient': 'Type a fax number or choose a contact or a group.',
  'fax_out.bad_number': 'The fax number “{value}” cannot be dialled.',
  'fax_out.contact_no_number': '“{name}” has no number to send a fax to.',
  'fax_out.group_empty': 'No one in the group “{name}” has a number to send a fax to.',
  'fax_out.too_many_pages': 'This fax would have {count} pages; a fax can have at most {max}.',
  'fax_out.bad_time': 'The sending time is not a valid time.',
  'fax_out.cannot_cancel': 'This fax is no longer waiting and cannot be cancelled.',
  'fax_out.cannot_retry': 'This fax was sent, cancelled or is being sent; it cannot be sent again now.',
  'not_found.fax_job': 'This fax was not found in the outbox.',
};
