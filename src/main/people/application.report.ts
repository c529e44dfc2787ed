/**
 * The employment application form (فرم استخدام) as PDF: blank, for an applicant to fill by hand at
 * the front desk, or filled from an applicant's file (the contact's details, the application and,
 * under "office use", the status and interview notes).
 */
import type { FileOut } from '../../shared/contract/io';
import type { PersonFile } from '../../shared/contract/people';
import { formatDate, formatInstant, type CalendarSystem } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { printForm, type FormSection } from '../../print';
import { message, type Lang, type MessageKey } from '../i18n/messages';
import { emptyApplication } from './file.validate';

type Opts = { lang: Lang; calendar: CalendarSystem; printedAt: Date };

export async function printApplication(file: PersonFile | null, opts: Opts): Promise<FileOut> {
  const m = (k: MessageKey) => message(opts.lang, k);
  const d = (s: string) => localDigits(s, opts.lang);
  const c = file?.contact;
  const a = file?.application ?? emptyApplication();
  const phone = (kinds: string[]) =>
    c?.phones
      .filter((p) => kinds.includes(p.kind))
      .map((p) => `\u2066${d(p.display)}\u2069`)
      .join('، ') ?? '';
  const marital = a.maritalStatus === 'single' ? m('app_form.single') : a.maritalStatus === 'married' ? m('app_form.married') : '';
  const military = a.militaryService ? m(`app_form.military_${a.militaryService}` as MessageKey) : '';
  const address = c ? [c.street, c.city, c.province, c.postalCode && d(c.postalCode)].filter(Boolean).join('، ') : '';
  const referrer = file?.referrer ? `${file.referrer.displayName} (${d(file.referrer.fileNo)})` : (file?.referrerText ?? '');

  const sections: FormSection[] = [
    {
      kind: 'fields',
      title: m('app_form.personal'),
      rows: [
        [
          { label: m('app_form.file_no'), value: file ? d(file.fileNo) : '' },
          { label: m('app_form.registered'), value: file ? formatDate(file.registeredOn, opts.calendar, opts.lang) : '' },
          { label: m('app_form.national_id'), value: file?.nationalId ? d(file.nationalId) : '' },
        ],
        [
          { label: m('app_form.first_name'), value: c?.firstName ?? '' },
          { label: m('app_form.last_name'), value: c?.lastName ?? '' },
          { label: m('app_form.father'), value: a.fatherName },
        ],
        [
          { label: m('app_form.birth_date'), value: c?.birthDate ? formatDate(c.birthDate, opts.calendar, opts.lang) : '' },
          { label: m('app_form.birth_place'), value: a.birthPlace },
          { label: m('app_form.marital'), value: marital },
        ],
        [
          { label: m('app_form.military'), value: military },
          { label: m('app_form.mobile'), value: phone(['mobile']) },
          { label: m('app_form.phone'), value: phone(['home', 'work', 'other']) },
        ],
        [
          { label: m('app_form.address'), value: address, span: 2 },
          { label: m('app_form.email'), value: c?.emails[0]?.address ?? '' },
        ],
      ],
    },
    {
      kind: 'table',
      title: m('app_form.education'),
      minRows: file ? Math.max(1, a.education.length) : 4,
      head: [m('app_form.degree'), m('app_form.field'), m('app_form.institution'), m('app_form.year'), m('app_form.grade')],
      weights: [18, 25, 33, 12, 12],
      rows: a.education.map((r) => [r.degree, r.field, r.institution, d(r.year), d(r.grade)]),
    },
    {
      kind: 'table',
      title: m('app_form.work'),
      minRows: file ? Math.max(1, a.workHistory.length) : 4,
      head: [m('app_form.employer'), m('app_form.role'), m('app_form.from'), m('app_form.to'), m('app_form.leaving')],
      weights: [26, 20, 11, 11, 32],
      rows: a.workHistory.map((r) => [r.employer, r.role, d(r.from), d(r.to), r.leaving]),
    },
    { kind: 'text', title: m('app_form.skills'), text: a.skills, minLines: file ? 1 : 3 },
    {
      kind: 'fields',
      title: m('app_form.job'),
      rows: [
        [
          { label: m('app_form.position'), value: a.position },
          { label: m('app_form.salary'), value: d(a.expectedSalary) },
          { label: m('app_form.available'), value: d(a.availableFrom) },
        ],
        [{ label: m('app_form.referrer'), value: referrer }],
      ],
    },
    { kind: 'signature', text: m('app_form.declaration'), label: m('app_form.signature') },
  ];
  if (file) {
    const status = m(`app_form.status_${file.status}` as MessageKey);
    const notes = file.interviews
      .map((n) => `${formatInstant(n.createdAt, opts.calendar, opts.lang)} — ${n.author ? `${n.author}: ` : ''}${n.body}`)
      .join('\n');
    sections.push(
      { kind: 'fields', title: m('app_form.office'), rows: [[{ label: m('app_form.status'), value: status }]] },
      { kind: 'text', title: m('app_form.interviews'), text: notes, minLines: 2 },
    );
  }
  const pdf = await printForm({
    lang: opts.lang,
    title: m('app_form.title'),
    note: formatInstant(opts.printedAt.toISOString(), opts.calendar, opts.lang),
    pageLabel: message(opts.lang, 'app_form.page', { page: '{page}', pages: '{pages}' }),
    sections,
  });
  const name = file ? `application-${file.fileNo}.pdf` : 'application-form.pdf';
  return { fileName: name, mime: 'application/pdf', base64: pdf.toString('base64'), count: 1 };
}
