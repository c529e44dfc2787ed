/** Engine messages of call recording, in both languages. Spread into messages.ts. */
export const recordingsFa = {
  'not_found.recording': 'این ضبط مکالمه پیدا نشد؛ شاید حذف شده باشد.',
  'not_found.recording_audio': 'فایل صدای این ضبط در پوشهٔ داده‌ها نیست.',
  'recording.no_call': 'روی این خط تماسِ پاسخ‌داده‌شده‌ای در جریان نیست.',
  'recording.already': 'این تماس همین حالا ضبط می‌شود.',
  'recording.ivr_call': 'این تماس با پاسخگوی خودکار است و ضبط مکالمه ندارد.',
  'recording.unsupported': 'این خط نمی‌تواند مکالمه را ضبط کند (مودم حالت خطی برای شنیدن مکالمه ندارد).',
  'recording.line_busy': 'خط مشغول پخش یا ضبط دیگری است؛ کمی بعد دوباره امتحان کنید.',
  'recording.disk_full': 'فضای دیسک تقریباً پر است ({free} مگابایت آزاد)؛ ضبط شروع نشد.',
  'recording.not_recording': 'این خط چیزی ضبط نمی‌کند.',
};

export const recordingsEn: { [K in keyof typeof recordingsFa]: string } = {
  'not_found.recording': 'This recording was not found; it may have been deleted.',
  'not_found.recording_audio': 'The audio file of this recording is not in the data folder.',
  'recording.no_call': 'There is no answered call in progress on this line.',
  'recording.already': 'This call is already being recorded.',
  'recording.ivr_call': 'The answering service has this call; it is not recorded as a conversation.',
  'recording.unsupported': 'This line cannot record conversations (the modem has no line mode to listen to a call).',
  'recording.line_busy': 'The line is busy playing or recording something else; try again in a moment.',
  'recording.disk_full': 'The disk is nearly full ({free} MB free); recording did not start.',
  'recording.not_recording': 'Nothing is being recorded on this line.',
};
