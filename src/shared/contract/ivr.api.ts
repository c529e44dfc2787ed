/**
 * The answering machine: prompts, trees, office hours, mailboxes, the sound-card test.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import {
  ivrSettingsInput,
  mailboxInput,
  MAX_AUDIO_BASE64,
  promptImportInput,
  promptTtsInput,
  treeInput,
  type AudioOut,
  type IvrRun,
  type IvrSettings,
  type IvrTreeRow,
  type Mailbox,
  type OperatorWaiting,
  type Prompt,
  type SoundCardEvent,
} from './ivr';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const treePatch = patchOf(treeInput);
const ivrSettingsPatch = patchOf(ivrSettingsInput);
const mailboxPatch = patchOf(mailboxInput);

export const ivrApi = {
  'prompts/list': request(none).reads('ivr.read').returns<Prompt[]>(),
  /** Imports a WAV (any rate, channels, depth): mixed down, resampled to 8 kHz, loudness-normalised. 'validation' on 'base64' if unreadable. */
  'prompts/import': request(promptImportInput).writes('ivr.admin').returns<Prompt>(),
  /** Generates a prompt with espeak-ng; 'validation' on 'text' when espeak-ng is not installed or fails. */
  'prompts/tts': request(promptTtsInput).writes('ivr.admin').returns<Prompt>(),
  'prompts/tts-available': request(none).reads('ivr.read').returns<{ available: boolean }>(),
  'prompts/rename': request(z.object({ id, name: z.string().trim().min(1).max(80) }))
    .writes('ivr.admin')
    .returns<Prompt>(),
  /** 'conflict' while a tree plays it. */
  'prompts/delete': request(z.object({ id })).writes('ivr.admin').returns<{ id: number }>(),
  'prompts/audio': request(z.object({ id })).reads('ivr.read').returns<AudioOut>(),
  'ivr/trees': request(none).reads('ivr.read').returns<IvrTreeRow[]>(),
  /** 'validation' names the node: field 'nodes.<id>.<property>'. */
  'ivr/tree-create': request(treeInput).writes('ivr.admin').returns<IvrTreeRow>(),
  'ivr/tree-update': request(z.object({ id, data: treePatch }))
    .writes('ivr.admin')
    .returns<IvrTreeRow>(),
  'ivr/tree-delete': request(z.object({ id })).writes('ivr.admin').returns<{ id: number }>(),
  /** Office hours and which tree answers each line in and out of them. */
  'ivr/settings': request(none).reads('ivr.read').returns<IvrSettings>(),
  'ivr/settings-update': request(ivrSettingsPatch).writes('ivr.admin').returns<IvrSettings>(),
  'ivr/office': request(none).reads('ivr.read').returns<{ state: 'open' | 'closed' | 'holiday' }>(),
  /** What the IVR did on a call (null: it did not answer it). */
  'ivr/run': request(z.object({ callId: id }))
    .reads('ivr.read')
    .returns<IvrRun | null>(),
  /** Callers waiting for a person now. */
  'ivr/waiting': request(none).reads('ivr.read').returns<{ lineId: number; callId: number | null }[]>(),
  /** The front desk takes the waiting caller (lifts a phone on the line; the IVR goes on hook); `callId` when several wait on one line. */
  'ivr/take': request(z.object({ lineId: id, callId: id.optional() }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
  /** The demo line's caller presses keys, hangs up, or speaks for some seconds (demo lines only). */
  'ivr/demo-keys': request(
    z.object({
      lineId: id,
      keys: z
        .string()
        .min(1)
        .max(20)
        .regex(/^[0-9*#]+$/),
    }),
  )
    .writes('calls.write')
    .returns<{ ok: true }>(),
  'ivr/demo-hang-up': request(z.object({ lineId: id }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
  'ivr/demo-speak': request(z.object({ lineId: id, seconds: z.number().min(0.5).max(60) }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
  /**
   * The demo caller presses Start on a fax machine with an empty feeder (fax-on-demand): it receives.
   * 'validation' (ivr.fax_start_refused) when no call is connected on the line, as the button does nothing then.
   */
  'ivr/demo-fax-start': request(z.object({ lineId: id }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
  /** The sound-card test: runs a tree with the PC's speakers and microphone as the caller (events 'ivr/soundcard'). */
  'ivr/soundcard-start': request(z.object({ treeId: id }))
    .writes('ivr.admin')
    .returns<{ session: number }>(),
  'ivr/soundcard-key': request(z.object({ session: id, key: z.string().regex(/^[0-9*#]$/) }))
    .writes('ivr.admin')
    .returns<{ ok: true }>(),
  /** The microphone's recording asked for by a 'record' event, as WAV (any rate). */
  'ivr/soundcard-audio': request(z.object({ session: id, base64: z.string().max(MAX_AUDIO_BASE64) }))
    .writes('ivr.admin')
    .returns<{ ok: true }>(),
  'ivr/soundcard-hang-up': request(z.object({ session: id }))
    .writes('ivr.admin')
    .returns<{ ok: true }>(),
  /** The front desk takes the sound-card caller who waits at a ring-through node. */
  'ivr/soundcard-take': request(z.object({ session: id }))
    .writes('ivr.admin')
    .returns<{ ok: true }>(),
  'mailboxes/list': request(none).reads('voicemail.read').returns<Mailbox[]>(),
  'mailboxes/create': request(mailboxInput).writes('ivr.admin').returns<Mailbox>(),
  'mailboxes/update': request(z.object({ id, data: mailboxPatch }))
    .writes('ivr.admin')
    .returns<Mailbox>(),
  /** Deletes the mailbox with its messages. */
  'mailboxes/delete': request(z.object({ id })).writes('ivr.admin').returns<{ id: number }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type IvrEvents = {
  /** Prompts, trees, office hours or line assignments changed. */
  'ivr/changed': Record<string, never>;
  /** A caller waits for a person (operator node), or stopped waiting. */
  'ivr/operator': OperatorWaiting;
  /** The sound-card test asks the page to play, stop, record; the steps of the tree; the end. */
  'ivr/soundcard': SoundCardEvent;
};
