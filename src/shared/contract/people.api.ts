/**
 * People files: personnel, customers and job applicants.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import type { FileOut } from './io';
import {
  APPLICANT_STATUSES,
  documentInput,
  FILE_KINDS,
  fileInput,
  fileQuery,
  hireInput,
  photoInput,
  pinInput,
  type FileList,
  type FileRef,
  type PersonFile,
} from './people';
import { patchOf } from './patch';
import { request, id, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const filePatch = patchOf(fileInput);

export const peopleApi = {
  /** People files (personnel, customers, job applicants), newest registration first; by name, phone, file number, national ID, referrer, dates. */
  'people/search': request(fileQuery).reads('people.read').returns<FileList>(),
  /** A file with its contact (name, phones, timeline), documents, interview notes and related files. 'not_found' when deleted. */
  'people/get': request(z.object({ id })).reads('people.read').returns<PersonFile>(),
  /** The files of one phonebook contact (for the phonebook's contact view). */
  'people/of-contact': request(z.object({ contactId: id }))
    .reads('people.read')
    .returns<FileRef[]>(),
  /** The number a new file of this kind gets when its number is left empty. */
  'people/next-number': request(z.object({ kind: z.enum(FILE_KINDS) }))
    .reads('people.read')
    .returns<{ fileNo: string }>(),
  /** Creates a file for an existing contact or a new one; 'validation'/'conflict' name the field ('fileNo', 'nationalId', 'contact.phones.0.number'…). */
  'people/create': request(fileInput).writes('people.write').returns<PersonFile>(),
  /** Changes the file and, when `contact` is sent, the contact's details (the kind never changes). */
  'people/update': request(z.object({ id, data: filePatch }))
    .writes('people.write')
    .returns<PersonFile>(),
  /** Deletes the file with its photo, documents, interview notes and attendance; the contact stays in the phonebook. */
  'people/delete': request(z.object({ id })).writes('people.write').returns<{ id: number }>(),
  /** Applicants only ('validation' otherwise). */
  'people/set-status': request(z.object({ id, status: z.enum(APPLICANT_STATUSES) }))
    .writes('people.write')
    .returns<PersonFile>(),
  /** Turns an applicant into personnel: a staff file for the same contact, nothing retyped; returns the staff file. 'conflict' when they already have one. */
  'people/hire': request(hireInput).writes('people.write').returns<PersonFile>(),
  /** The photo as base64, or null. */
  'people/photo': request(z.object({ id })).reads('people.read').returns<{ mime: string; base64: string } | null>(),
  'people/set-photo': request(photoInput).writes('people.write').returns<PersonFile>(),
  'people/add-document': request(documentInput).writes('people.write').returns<PersonFile>(),
  'people/document': request(z.object({ id })).reads('people.read').returns<FileOut>(),
  'people/delete-document': request(z.object({ id })).writes('people.write').returns<PersonFile>(),
  'people/add-interview': request(z.object({ fileId: id, body: z.string().max(10000), author: z.string().max(100).default('') }))
    .writes('people.write')
    .returns<PersonFile>(),
  'people/delete-interview': request(z.object({ id })).writes('people.write').returns<PersonFile>(),
  /** Staff only: the clock-in PIN (4–8 digits; null removes it). */
  'people/set-pin': request(pinInput).writes('people.write').returns<PersonFile>(),
  /** The employment application form as PDF: filled in from an applicant's file, or blank (id null) to print and fill by hand. */
  'people/print-application': request(z.object({ id: id.nullable().default(null) }))
    .reads('people.read')
    .returns<FileOut>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type PeopleEvents = {
  /** People files were created, changed or deleted. */
  'people/changed': { ids: number[] };
};
