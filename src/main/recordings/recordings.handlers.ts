import type { recordingsApi } from '../../shared/contract/recordings.api';
import type { Handlers } from '../kernel/handlers';
import type { RecordingsService } from './recordings.service';
import { patched } from '../kernel/patch-update';
import { recordingSettingsInput } from '../../shared/contract/recordings';

export type RecordingsDeps = { recordings: RecordingsService };

/** The handlers of `recordingsApi` (src/shared/contract/recordings.api.ts). */
export function recordingsHandlers({ recordings }: RecordingsDeps): Handlers<typeof recordingsApi> {
  return {
    'recordings/list': (q) => recordings.list(q),
    'recordings/active': () => recordings.active(),
    'recordings/start': ({ lineId, callId }) => recordings.start(lineId, callId),
    'recordings/stop': ({ lineId, callId }) => recordings.stop(lineId, callId),
    'recordings/get': ({ id }) => recordings.get(id),
    'recordings/audio': ({ id }) => recordings.audio(id),
    'recordings/file': ({ id }) => recordings.file(id),
    'recordings/keep': ({ id, keep }) => recordings.keep(id, keep),
    'recordings/note': ({ id, note }) => recordings.note(id, note),
    'recordings/delete': ({ id }) => recordings.delete(id),
    'recordings/settings': () => recordings.settings(),
    'recordings/settings-update': (s) => recordings.updateSettings(patched(recordingSettingsInput, recordings.settings(), s)),
  };
}
