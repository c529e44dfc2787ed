/**
 * Checks a people file beyond its zod schema and turns it into columns. Each problem is thrown naming
 * its field: 'fileNo', 'registeredOn', 'nationalId', 'referrerFileId', 'scheduleId'.
 */
import type { Application, FileData, FileKind } from '../../shared/contract/people';
import { isIsoDate } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { checkNationalId } from '../../shared/text/national-id';
import { foldForSearch, normalizeInput, normalizeMultiline, searchWords } from '../../shared/text/normalize';
import { AppError, validationError } from '../kernel/app-error';
import type { FileColumns, PeopleRepo } from './people.repo';

/** The stored form of a typed file number: ASCII digits, single spaces. */
export const cleanFileNo = (text: string) => normalizeInput(toAsciiDigits(text));

export const fileNoInt = (fileNo: string): number | null => (/^\d{1,15}$/.test(fileNo) ? Number(fileNo) : null);

function cleanApplication(a: Application): Application {
  const t = normalizeInput;
  const education = a.education
    .map((r) => ({ degree: t(r.degree), field: t(r.field), institution: t(r.institution), year: t(r.year), grade: t(r.grade) }))
    .filter((r) => Object.values(r).some((v) => v !== ''));
  const workHistory = a.workHistory
    .map((r) => ({ employer: t(r.employer), role: t(r.role), from: t(r.from), to: t(r.to), leaving: t(r.leaving) }))
    .filter((r) => Object.values(r).some((v) => v !== ''));
  return {
    fatherName: t(a.fatherName),
    birthPlace: t(a.birthPlace),
    maritalStatus: a.maritalStatus,
    militaryService: a.militaryService,
    education,
    workHistory,
    skills: normalizeMultiline(a.skills),
    position: t(a.position),
    expectedSalary: t(toAsciiDigits(a.expectedSalary)),
    availableFrom: t(a.availableFrom),
  };
}

export type FileCheckContext = { repo: PeopleRepo; today: string; selfId: number | null; contactId: number };

/** Columns of a file; the contact is resolved by the caller. */
export function cleanFile(data: FileData, cx: FileCheckContext): FileColumns {
  const kind: FileKind = data.kind;
  let fileNo = cleanFileNo(data.fileNo);
  if (fileNo === '') fileNo = String(cx.repo.maxNumber(kind) + 1);
  const taken = cx.repo.idByNumber(kind, fileNo);
  if (taken !== null && taken !== cx.selfId) throw new AppError('conflict', 'conflict.file_no', { value: fileNo }, 'fileNo');

  const registeredOn = data.registeredOn ?? cx.today;
  if (!isIsoDate(registeredOn)) throw validationError('validation.field_date', 'registeredOn', { field: 'registeredOn', value: registeredOn });

  let nationalId = '';
  if (data.nationalId.trim() !== '') {
    const n = checkNationalId(data.nationalId);
    if (!n.ok)
      throw validationError(n.problem === 'not_issued' ? 'validation.national_id_not_issued' : 'validation.national_id', 'nationalId', {
        value: data.nationalId.trim(),
      });
    nationalId = n.id;
  }

  if (data.referrerFileId !== null) {
    if (data.referrerFileId === cx.selfId) throw validationError('validation.referrer_self', 'referrerFileId');
    if (!cx.repo.get(data.referrerFileId)) throw validationError('validation.unknown_referrer', 'referrerFileId');
  }
  const referrerText = data.referrerFileId === null ? normalizeInput(data.referrerText) : '';

  if (kind === 'staff' && data.scheduleId !== null && !cx.repo.scheduleExists(data.scheduleId)) {
    throw validationError('validation.unknown_schedule', 'scheduleId');
  }

  return {
    kind,
    contact_id: cx.contactId,
    file_no: fileNo,
    file_no_int: fileNoInt(fileNo),
    registered_on: registeredOn,
    national_id: nationalId,
    referrer_file_id: data.referrerFileId,
    referrer_text: referrerText,
    referrer_terms: searchWords(foldForSearch(referrerText)).join('|'),
    status: kind === 'applicant' ? data.status : 'new',
    application: kind === 'applicant' ? JSON.stringify(cleanApplication(data.application ?? emptyApplication())) : null,
    schedule_id: kind === 'staff' ? data.scheduleId : null,
    active: kind === 'staff' && !data.active ? 0 : 1,
  };
}

export function emptyApplication(): Application {
  return {
    fatherName: '',
    birthPlace: '',
    maritalStatus: '',
    militaryService: '',
    education: [],
    workHistory: [],
    skills: '',
    position: '',
    expectedSalary: '',
    availableFrom: '',
  };
}
