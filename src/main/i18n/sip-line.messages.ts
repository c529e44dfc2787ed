/** Engine messages of SIP lines (the line form's errors), in both languages, and their fields' names. Spread into messages.ts. */
export const sipLineFa = {
  'line.sip_server_required': 'نشانی سرور SIP (مرکز تلفن یا سرویس VoIP) را بنویسید، مثلاً pbx.office.local یا ‎192.168.1.10:5060‎.',
  'line.sip_user_required': 'نام کاربری (داخلی) خط SIP را بنویسید.',
  'line.rtp_range': 'بازهٔ درگاه‌های صدا (RTP) درست نیست: «از» باید کوچک‌تر از «تا» باشد و دست‌کم {min} درگاه داشته باشد.',
  'line.sip_codecs_twice': 'هر کدک را فقط یک بار انتخاب کنید.',
  'line.secret_unavailable': 'رمز عبور ذخیره نشد: کلید رمزگذاری این رایانه در دسترس نیست ({detail}).',
};

export const sipLineEn: { [K in keyof typeof sipLineFa]: string } = {
  'line.sip_server_required': 'Write the SIP server (the PBX or VoIP provider), e.g. pbx.office.local or 192.168.1.10:5060.',
  'line.sip_user_required': 'Write the user name (extension) of the SIP line.',
  'line.rtp_range': 'The audio (RTP) port range is wrong: “from” must be below “to”, with at least {min} ports.',
  'line.sip_codecs_twice': 'Choose each codec only once.',
  'line.secret_unavailable': 'The password was not saved: this computer’s encryption key is not available ({detail}).',
};

/** What users call the SIP line's fields when an error names one. */
export const SIP_LINE_FIELD_LABELS: Record<string, [fa: string, en: string]> = {
  sipServer: ['سرور SIP', 'SIP server'],
  sipUser: ['نام کاربری SIP', 'SIP user name'],
  sipAuthUser: ['نام کاربری احراز هویت', 'authentication user'],
  sipDisplayName: ['نام نمایشی', 'display name'],
  sipTransport: ['پروتکل انتقال', 'transport'],
  sipOutboundProxy: ['پراکسی خروجی', 'outbound proxy'],
  sipCodecs: ['کدک‌ها', 'codecs'],
  sipChannels: ['تعداد تماس هم‌زمان', 'simultaneous calls'],
  rtpPortMin: ['آغاز بازهٔ درگاه RTP', 'first RTP port'],
  rtpPortMax: ['پایان بازهٔ درگاه RTP', 'last RTP port'],
  sipPassword: ['رمز عبور SIP', 'SIP password'],
};
