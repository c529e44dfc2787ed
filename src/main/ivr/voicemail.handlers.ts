import type { voicemailApi } from '../../shared/contract/voicemail.api';
import type { Handlers } from '../kernel/handlers';
import type { VoicemailService } from './voicemail.service';

export type VoicemailDeps = { voicemail: VoicemailService };

/** The handlers of `voicemailApi` (src/shared/contract/voicemail.api.ts). */
export function voicemailHandlers({ voicemail }: VoicemailDeps): Handlers<typeof voicemailApi> {
  return {
    'voicemail/list': (q) => voicemail.list(q),
    'voicemail/unheard': () => voicemail.unheard(),
    'voicemail/audio': ({ id }) => voicemail.audio(id),
    'voicemail/mark': ({ id, heard }) => voicemail.setHeard(id, heard),
    'voicemail/note': ({ id, note }) => voicemail.setNote(id, note),
    'voicemail/attach': ({ id }, hc) => voicemail.attach(id, hc.lang),
    'voicemail/forward': ({ id, mailboxId }) => voicemail.forward(id, mailboxId),
    'voicemail/delete': ({ id }) => voicemail.delete(id),
  };
}
