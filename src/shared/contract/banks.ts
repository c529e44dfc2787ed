/**
 * Iranian banks and credit institutions whose cheques an office meets (the central bank's list of
 * those issuing Sayad cheques; banks merged into Sepah in 1398 are left out because their cheque
 * books were replaced). A cheque or cheque book stores the code; any other bank is typed in as text.
 */
export const IRAN_BANKS = [
  { code: 'melli', fa: 'بانک ملی ایران', en: 'Bank Melli Iran' },
  { code: 'sepah', fa: 'بانک سپه', en: 'Bank Sepah' },
  { code: 'mellat', fa: 'بانک ملت', en: 'Bank Mellat' },
  { code: 'tejarat', fa: 'بانک تجارت', en: 'Tejarat Bank' },
  { code: 'saderat', fa: 'بانک صادرات ایران', en: 'Bank Saderat Iran' },
  { code: 'keshavarzi', fa: 'بانک کشاورزی', en: 'Bank Keshavarzi' },
  { code: 'maskan', fa: 'بانک مسکن', en: 'Bank Maskan' },
  { code: 'refah', fa: 'بانک رفاه کارگران', en: 'Refah Kargaran Bank' },
  { code: 'sanat-madan', fa: 'بانک صنعت و معدن', en: 'Bank of Industry and Mine' },
  { code: 'tosee-saderat', fa: 'بانک توسعه صادرات ایران', en: 'Export Development Bank of Iran' },
  { code: 'tosee-taavon', fa: 'بانک توسعه تعاون', en: 'Tose’e Ta’avon Bank' },
  { code: 'post-bank', fa: 'پست بانک ایران', en: 'Post Bank of Iran' },
  { code: 'parsian', fa: 'بانک پارسیان', en: 'Parsian Bank' },
  { code: 'pasargad', fa: 'بانک پاسارگاد', en: 'Bank Pasargad' },
  { code: 'eghtesad-novin', fa: 'بانک اقتصاد نوین', en: 'EN Bank (Eghtesad Novin)' },
  { code: 'saman', fa: 'بانک سامان', en: 'Saman Bank' },
  { code: 'sina', fa: 'بانک سینا', en: 'Sina Bank' },
  { code: 'shahr', fa: 'بانک شهر', en: 'Shahr Bank' },
  { code: 'dey', fa: 'بانک دی', en: 'Day Bank' },
  { code: 'karafarin', fa: 'بانک کارآفرین', en: 'Karafarin Bank' },
  { code: 'sarmayeh', fa: 'بانک سرمایه', en: 'Sarmayeh Bank' },
  { code: 'khavarmianeh', fa: 'بانک خاورمیانه', en: 'Middle East Bank' },
  { code: 'ayandeh', fa: 'بانک آینده', en: 'Ayandeh Bank' },
  { code: 'gardeshgari', fa: 'بانک گردشگری', en: 'Tourism Bank' },
  { code: 'iran-zamin', fa: 'بانک ایران زمین', en: 'Iran Zamin Bank' },
  { code: 'resalat', fa: 'بانک قرض‌الحسنه رسالت', en: 'Resalat Qard al-Hasan Bank' },
  { code: 'mehr-iran', fa: 'بانک قرض‌الحسنه مهر ایران', en: 'Mehr Iran Qard al-Hasan Bank' },
  { code: 'iran-venezuela', fa: 'بانک مشترک ایران و ونزوئلا', en: 'Iran–Venezuela Bi-National Bank' },
  { code: 'tosee', fa: 'مؤسسه اعتباری توسعه', en: 'Tose’e Credit Institution' },
  { code: 'melal', fa: 'مؤسسه اعتباری ملل', en: 'Melal Credit Institution' },
  { code: 'noor', fa: 'مؤسسه اعتباری نور', en: 'Noor Credit Institution' },
] as const;

export type BankCode = (typeof IRAN_BANKS)[number]['code'];
export const BANK_CODES = IRAN_BANKS.map((b) => b.code) as [BankCode, ...BankCode[]];

const byCode = new Map<string, (typeof IRAN_BANKS)[number]>(IRAN_BANKS.map((b) => [b.code, b]));

/** The bank's name in a language: the listed name for a code, else the name as typed. */
export function bankName(code: string | null, typed: string, lang: 'fa' | 'en'): string {
  const b = code === null ? undefined : byCode.get(code);
  return b ? b[lang] : typed;
}
