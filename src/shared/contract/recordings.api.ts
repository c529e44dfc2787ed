/**
 * Call recordings and their storage rules.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import type { FileOut } from './io';
import type { AudioOut } from './ivr';
import {
  recordingQuery,
  recordingSettingsInput,
  type ActiveRecording,
  type RecordingList,
  type RecordingRow,
  type RecordingSettings,
  type RecordingStopReason,
  type RecordingUsage,
} from './recordings';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const recordingSettingsPatch = patchOf(recordingSettingsInput);

export const recordingsApi = {
  /** Call recordings, newest first, with the storage in use. */
  'recordings/list': request(recordingQuery).reads('recordings.read').returns<RecordingList>(),
  /** The recordings running now (one per line at most). */
  'recordings/active': request(none).reads('recordings.read').returns<ActiveRecording[]>(),
  /** Starts recording the call in progress on a line (the call bar's button). */
  'recordings/start': request(z.object({ lineId: id, callId: id.optional() }))
    .writes('recordings.write')
    .returns<ActiveRecording>(),
  'recordings/stop': request(z.object({ lineId: id, callId: id.optional() }))
    .writes('recordings.write')
    .returns<{ ok: true }>(),
  'recordings/get': request(z.object({ id })).reads('recordings.read').returns<RecordingRow>(),
  'recordings/audio': request(z.object({ id })).reads('recordings.read').returns<AudioOut>(),
  /** The WAV file, to save. */
  'recordings/file': request(z.object({ id })).reads('recordings.read').returns<FileOut>(),
  /** Kept recordings are never removed by the retention period or the storage limit. */
  'recordings/keep': request(z.object({ id, keep: z.boolean() }))
    .writes('recordings.write')
    .returns<RecordingRow>(),
  'recordings/note': request(z.object({ id, note: z.string().max(2000) }))
    .writes('recordings.write')
    .returns<RecordingRow>(),
  'recordings/delete': request(z.object({ id })).writes('recordings.write').returns<{ id: number }>(),
  'recordings/settings': request(none).reads('recordings.read').returns<RecordingSettings>(),
  /** Saves the storage rules and applies them at once; `removed` says how many recordings went. */
  'recordings/settings-update': request(recordingSettingsPatch).writes('recordings.admin').returns<{ settings: RecordingSettings; removed: number }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type RecordingsEvents = {
  /** Recordings started, ended, were kept or removed, or the storage warnings changed. */
  'recordings/changed': { usage: RecordingUsage; active: ActiveRecording[] };
  /** A recording stopped (or could not start) for a reason the front desk must hear about. */
  'recordings/stopped': { lineId: number; callId: number; reason: RecordingStopReason };
};
