/** Messages of browser mode's server (requests it could not take), in both languages. Spread into messages.ts. */
export const serverFa = {
  'server.bad_request': 'درخواست خوانا نبود (پیام JSON درستی نیست)؛ کاری انجام نشد.',
  'server.too_large': 'این درخواست از {max} مگابایت بزرگ‌تر است و پذیرفته نشد؛ کاری انجام نشد.',
  'server.busy': 'فایل دیگری هنوز در حال فرستادن به «منشی» است؛ پس از پایان آن دوباره امتحان کنید.',
  'server.signed_out': 'این صفحه دیگر به «منشی» وارد نیست؛ نشانی تازه‌ای را که «منشی» چاپ کرده باز کنید.',
};

export const serverEn: { [K in keyof typeof serverFa]: string } = {
  'server.bad_request': 'The request could not be read (it is not a valid JSON message); nothing was done.',
  'server.too_large': 'This request is larger than {max} MB and was refused; nothing was done.',
  'server.busy': 'Another file is still being sent to Monshi; try again when it has finished.',
  'server.signed_out': 'This page is no longer signed in to Monshi; open the new address Monshi printed.',
};
