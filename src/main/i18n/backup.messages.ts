/**
 * What the user is told about backups: each error names the file, folder or part that is wrong and
 * says what to do. Paths in Persian are isolated left-to-right (see db.messages.ts). Spread into messages.ts.
 */
export const backupFa = {
  'backup.damaged':
    'فایل پشتیبان «\u2066{file}\u2069» آسیب دیده است: بخش «\u2066{member}\u2069» با آنچه هنگام پشتیبان‌گیری نوشته شد یکی نیست. ' +
    'چیزی برگردانده نشد؛ پشتیبان دیگری را برگزینید.',
  'backup.db_check': 'پایگاه دادهٔ درون فایل پشتیبان «\u2066{file}\u2069» سالم نیست ({detail}). چیزی برگردانده نشد؛ پشتیبان دیگری را برگزینید.',
  'backup.password_needed': 'فایل پشتیبان «\u2066{file}\u2069» رمزگذاری شده است؛ رمز آن را بنویسید.',
  'backup.password_wrong': 'رمز فایل پشتیبان «\u2066{file}\u2069» درست نیست.',
  'backup.newer':
    'فایل پشتیبان «\u2066{file}\u2069» با نسخهٔ جدیدتری از منشی ساخته شده است (نسخهٔ {found}، این برنامه تا {known}). ' +
    'نخست منشی را به‌روز کنید؛ چیزی برگردانده نشد.',
  'backup.not_backup': '«\u2066{file}\u2069» فایل پشتیبان منشی نیست.',
  'backup.unreadable': 'فایل پشتیبان «\u2066{file}\u2069» خوانده نشد ({detail}).',
  'backup.folder_none': 'هنوز پوشه‌ای برای پشتیبان‌ها برنگزیده‌اید (تنظیمات ← پشتیبان).',
  'backup.password_unreadable': 'رمز پشتیبان‌ها را نمی‌توان باز کرد (کلید این رایانه عوض شده است): در تنظیمات ← پشتیبان رمز را دوباره بنویسید.',
  'backup.folder_readonly': 'منشی نمی‌تواند در پوشهٔ «\u2066{folder}\u2069» بنویسد. به حساب خود اجازهٔ نوشتن در آن را بدهید یا پوشهٔ دیگری برگزینید.',
  'backup.folder_missing': 'پوشهٔ «\u2066{folder}\u2069» پیدا نشد (دیسک بیرونی وصل است؟).',
  'backup.folder_full': 'دیسک پوشهٔ «\u2066{folder}\u2069» پر است؛ پشتیبان نوشته نشد. جا باز کنید یا «چند پشتیبان نگه دارد» را کم کنید.',
  'backup.file_exists': 'فایل «\u2066{file}\u2069» از پیش هست؛ روی آن نوشته نشد.',
  'backup.write_failed': 'نوشتن فایل پشتیبان «\u2066{file}\u2069» ناکام ماند ({detail}).',
  'backup.source_unreadable': 'فایل «\u2066{file}\u2069» از پوشهٔ داده‌ها خوانده نشد ({detail}); پشتیبان نوشته نشد.',
  'backup.running': 'یک پشتیبان‌گیری همین حالا در جریان است؛ بگذارید تمام شود.',
  'backup.restore_failed': 'برگرداندن پشتیبان ناکام ماند ({detail})؛ داده‌های پیشین سر جایشان هستند.',
};

export const backupEn: { [K in keyof typeof backupFa]: string } = {
  'backup.damaged':
    'The backup file “{file}” is damaged: its part “{member}” is not what was written when the backup was made. Nothing was restored; choose another backup.',
  'backup.db_check': 'The database inside the backup “{file}” is not sound ({detail}). Nothing was restored; choose another backup.',
  'backup.password_needed': 'The backup “{file}” is encrypted: type its password.',
  'backup.password_wrong': 'The password for the backup “{file}” is wrong.',
  'backup.newer': 'The backup “{file}” was made by a newer Monshi (version {found}; this app knows up to {known}). Update Monshi first; nothing was restored.',
  'backup.not_backup': '“{file}” is not a Monshi backup.',
  'backup.unreadable': 'The backup “{file}” could not be read ({detail}).',
  'backup.folder_none': 'No folder is chosen for backups yet (Settings → Backup).',
  'backup.password_unreadable': 'The backups’ password cannot be opened (this PC’s key has changed): type it again in Settings → Backup.',
  'backup.folder_readonly': 'Monshi may not write in the folder “{folder}”. Give your account permission to write there or choose another folder.',
  'backup.folder_missing': 'The folder “{folder}” was not found (is the external disk connected?).',
  'backup.folder_full': 'The disk of the folder “{folder}” is full; no backup was written. Free some space or keep fewer backups.',
  'backup.file_exists': 'The file “{file}” is already there; it was not overwritten.',
  'backup.write_failed': 'Writing the backup “{file}” failed ({detail}).',
  'backup.source_unreadable': 'The file “{file}” in the data folder could not be read ({detail}); no backup was written.',
  'backup.running': 'A backup is being made right now; let it finish.',
  'backup.restore_failed': 'Restoring the backup failed ({detail}); the data as it was is still in place.',
};
