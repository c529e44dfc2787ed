/**
 * The IVR's prompt library: recordings a user imports, records or has spoken by espeak-ng, each kept
 * as line audio (16-bit 8 kHz WAV in the database). A tree plays them by id through `pcmOf`, which
 * decodes each prompt once and keeps it; a prompt a tree still uses cannot be deleted. Part of the
 * IVR service (ivr.service.ts spreads it), apart because the library has a job of its own: the
 * trees and the calls only read it.
 */
import type { ParsedInputOf } from '../../shared/contract/api';
import type { AudioOut, IvrTree, Prompt } from '../../shared/contract/ivr';
import type { Pcm } from '../../telephony';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { audioOut } from './audio/audio-out';
import { durationMs, toLineAudio } from './audio/pcm-convert';
import { isWav, parseWav, readPcm16, WavError, writeWav } from './audio/wav';
import type { createIvrRepo } from './ivr.repo';
import { espeakPath, speak } from './tts';

export function createPromptsService(repo: ReturnType<typeof createIvrRepo>, ctx: EngineContext, log: Logger) {
  const cache = new Map<number, Pcm>();

  function promptView(id: number): Prompt {
    const p = repo.prompt(id);
    if (!p) throw new AppError('not_found', 'not_found.prompt', {}, 'id');
    return { id: p.id, name: p.name, source: p.source, durationMs: p.duration_ms, text: p.text, createdAt: p.created_at };
  }

  /** The prompt's line audio, decoded once; null when there is no such prompt (a tree run plays nothing then). */
  function pcmOf(id: number | null): Pcm | null {
    if (id === null) return null;
    const hit = cache.get(id);
    if (hit) return hit;
    const wav = repo.promptWav(id);
    if (!wav) return null;
    const { pcm } = readPcm16(wav);
    cache.set(id, pcm);
    return pcm;
  }

  function store(name: string, source: 'import' | 'record' | 'tts', text: string, file: Buffer, field: string): Prompt {
    if (!isWav(file)) throw validationError('prompt.not_wav', field);
    let pcm: Pcm;
    try {
      pcm = toLineAudio(parseWav(file));
    } catch (e) {
      throw validationError(e instanceof WavError && e.reason === 'empty' ? 'prompt.empty' : 'prompt.bad_wav', field, {
        reason: e instanceof Error ? e.message : '',
      });
    }
    if (pcm.length > 8000 * 60 * 10) throw validationError('prompt.too_long', field, { max: 10 });
    const id = repo.insertPrompt({ name, source, text, durationMs: durationMs(pcm), wav: writeWav(pcm) }, ctx.clock().toISOString());
    ctx.emit('ivr/changed', {});
    return promptView(id);
  }

  return {
    prompts: (): Prompt[] =>
      repo.prompts().map((p) => ({ id: p.id, name: p.name, source: p.source, durationMs: p.duration_ms, text: p.text, createdAt: p.created_at })),
    importPrompt: (i: ParsedInputOf<'prompts/import'>) => store(i.name, i.source, '', Buffer.from(i.base64, 'base64'), 'base64'),
    ttsAvailable: () => ({ available: espeakPath() !== null }),
    async ttsPrompt(i: ParsedInputOf<'prompts/tts'>): Promise<Prompt> {
      if (!espeakPath()) throw new AppError('validation', 'prompt.no_tts', {}, 'text');
      let wav: Buffer;
      try {
        wav = await speak(i.text, i.voice);
      } catch (e) {
        log.error('espeak-ng failed', e);
        throw new AppError('validation', 'prompt.tts_failed', {}, 'text');
      }
      return store(i.name, 'tts', i.text, wav, 'text');
    },
    renamePrompt(id: number, name: string): Prompt {
      promptView(id);
      repo.renamePrompt(id, name);
      ctx.emit('ivr/changed', {});
      return promptView(id);
    },
    deletePrompt(id: number): { id: number } {
      promptView(id);
      const user = repo
        .trees()
        .find((t) =>
          (JSON.parse(t.tree) as IvrTree).nodes.some((n) => ('promptId' in n && n.promptId === id) || (n.kind === 'menu' && n.wrongPromptId === id)),
        );
      if (user) throw new AppError('conflict', 'conflict.prompt_in_use', { tree: user.name }, 'id');
      repo.deletePrompt(id);
      cache.delete(id);
      ctx.emit('ivr/changed', {});
      return { id };
    },
    promptAudio(id: number): AudioOut {
      promptView(id);
      return audioOut(repo.promptWav(id)!);
    },
    pcmOf,
  };
}

export type PromptsService = ReturnType<typeof createPromptsService>;
