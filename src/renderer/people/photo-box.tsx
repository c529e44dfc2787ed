import { useEffect, useRef, useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { readFileAsBase64 } from '../lib/read-file';
import { useToast } from '../ui/toast-context';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
type ImageType = (typeof TYPES)[number];

/** The file's photo (or the person's initial), with a menu-less pair of actions: change and remove. */
export function PhotoBox({ file, onChanged }: { file: PersonFile; onChanged: (f: PersonFile) => void }) {
  const { t } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let stop = false;
    if (!file.hasPhoto) return setSrc(null);
    void client.call('people/photo', { id: file.id }).then((r) => {
      if (stop) return;
      if (!r.ok) return toast.show('error', r.error.message);
      if (r.value) setSrc(`data:${r.value.mime};base64,${r.value.base64}`);
    });
    return () => {
      stop = true;
    };
  }, [client, toast, file.id, file.hasPhoto, file.updatedAt]);

  const pick = async (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    const mime = (TYPES as readonly string[]).includes(f.type) ? (f.type as ImageType) : 'image/jpeg';
    const r = await client.call('people/set-photo', { id: file.id, base64: await readFileAsBase64(f), mime });
    if (input.current) input.current.value = '';
    if (r.ok) onChanged(r.value);
    else toast.show('error', r.error.message);
  };
  const remove = async () => {
    const r = await client.call('people/set-photo', { id: file.id, base64: null });
    if (r.ok) onChanged(r.value);
    else toast.show('error', r.error.message);
  };

  return (
    <div className="photo-box" data-testid="photo-box">
      {src ? (
        <img src={src} alt={m.photo} className="photo" data-testid="photo" />
      ) : (
        <div className="photo photo-empty" aria-hidden="true">
          {[...file.contact.displayName][0] ?? '?'}
        </div>
      )}
      <div className="photo-actions">
        <button type="button" className="link-button" onClick={() => input.current?.click()} data-testid="photo-change">
          {file.hasPhoto ? m.photoChange : m.photoAdd}
        </button>
        {file.hasPhoto && (
          <button type="button" className="link-button" onClick={() => void remove()}>
            {m.photoRemove}
          </button>
        )}
      </div>
      <input ref={input} type="file" accept="image/*" hidden onChange={(e) => void pick(e.target.files)} data-testid="photo-input" />
    </div>
  );
}
