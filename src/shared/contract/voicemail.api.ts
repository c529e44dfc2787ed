/**
 * Voicemail messages.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { voicemailListInput, type AudioOut, type Voicemail } from './ivr';
import { request, id, none, type RequestMap } from './request';

export const voicemailApi = {
  'voicemail/list': request(voicemailListInput).reads('voicemail.read').returns<Voicemail[]>(),
  'voicemail/unheard': request(none).reads('voicemail.read').returns<{ unheard: number }>(),
  'voicemail/audio': request(z.object({ id })).reads('voicemail.read').returns<AudioOut>(),
  'voicemail/mark': request(z.object({ id, heard: z.boolean() }))
    .writes('voicemail.write')
    .returns<Voicemail>(),
  'voicemail/note': request(z.object({ id, note: z.string().max(2000) }))
    .writes('voicemail.write')
    .returns<Voicemail>(),
  /** Adds a note about the message to the matched contact's timeline; 'validation' when no contact matches. */
  'voicemail/attach': request(z.object({ id })).writes('voicemail.write').returns<Voicemail>(),
  /** Copies the message into another mailbox (the audio is shared). */
  'voicemail/forward': request(z.object({ id, mailboxId: id }))
    .writes('voicemail.write')
    .returns<Voicemail>(),
  'voicemail/delete': request(z.object({ id })).writes('voicemail.write').returns<{ id: number }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type VoicemailEvents = {
  /** Voicemail arrived, was heard, forwarded or deleted: the count of unheard messages. */
  'voicemail/changed': { unheard: number };
};
