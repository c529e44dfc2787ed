import type { ivrApi } from '../../shared/contract/ivr.api';
import type { Handlers } from '../kernel/handlers';
import type { IvrService } from './ivr.service';
import type { VoicemailService } from './voicemail.service';
import { patched } from '../kernel/patch-update';
import { ivrSettingsInput, mailboxInput, treeInput } from '../../shared/contract/ivr';

export type IvrDeps = { ivr: IvrService; voicemail: VoicemailService };

/** The handlers of `ivrApi` (src/shared/contract/ivr.api.ts). */
export function ivrHandlers({ ivr, voicemail }: IvrDeps): Handlers<typeof ivrApi> {
  return {
    'prompts/list': () => ivr.prompts(),
    'prompts/import': (i) => ivr.importPrompt(i),
    'prompts/tts': (i) => ivr.ttsPrompt(i),
    'prompts/tts-available': () => ivr.ttsAvailable(),
    'prompts/rename': ({ id, name }) => ivr.renamePrompt(id, name),
    'prompts/delete': ({ id }) => ivr.deletePrompt(id),
    'prompts/audio': ({ id }) => ivr.promptAudio(id),
    'ivr/trees': () => ivr.trees(),
    'ivr/tree-create': (i, hc) => ivr.createTree(i, hc.lang),
    'ivr/tree-update': ({ id, data }, hc) =>
      ivr.updateTree(
        id,
        patched(
          treeInput,
          ivr.trees().find((x) => x.id === id),
          data,
        ),
        hc.lang,
      ),
    'ivr/tree-delete': ({ id }) => ivr.deleteTree(id),
    'ivr/settings': () => ivr.settings(),
    'ivr/settings-update': (s) => ivr.updateSettings(patched(ivrSettingsInput, ivr.settings(), s)),
    'ivr/office': () => ivr.office(),
    'ivr/run': ({ callId }) => ivr.runOf(callId),
    'ivr/waiting': () => ivr.waiting(),
    'ivr/take': ({ lineId, callId }) => ivr.take(lineId, callId),
    'ivr/demo-keys': ({ lineId, keys }) => ivr.demoKeys(lineId, keys),
    'ivr/demo-hang-up': ({ lineId }) => ivr.demoHangUp(lineId),
    'ivr/demo-speak': ({ lineId, seconds }) => ivr.demoSpeak(lineId, seconds),
    'ivr/demo-fax-start': ({ lineId }) => ivr.demoFaxStart(lineId),
    'ivr/soundcard-start': ({ treeId }) => ivr.soundcardStart(treeId),
    'ivr/soundcard-key': ({ session, key }) => ivr.soundcardKey(session, key),
    'ivr/soundcard-audio': ({ session, base64 }) => ivr.soundcardAudio(session, base64),
    'ivr/soundcard-hang-up': ({ session }) => ivr.soundcardHangUp(session),
    'ivr/soundcard-take': ({ session }) => ivr.soundcardTake(session),
    'mailboxes/list': () => voicemail.mailboxes(),
    'mailboxes/create': (d) => voicemail.createMailbox(d),
    'mailboxes/update': ({ id, data }) =>
      voicemail.updateMailbox(
        id,
        patched(
          mailboxInput,
          voicemail.mailboxes().find((m) => m.id === id),
          data,
        ),
      ),
    'mailboxes/delete': ({ id }) => voicemail.deleteMailbox(id),
  };
}
