import { useCallback, useEffect, useState } from 'react';
import type { ChequeFont, ChequeFontKey } from '../../shared/contract/cheque-print';
import { useClient, type Client } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useFailureToast } from '../hooks/use-failure-toast';

/** CSS font family and weight the designer draws a field's sample text in. */
export function cssFontOf(key: ChequeFontKey): { family: string; weight: number } {
  if (key === 'vazirmatn') return { family: 'Vazirmatn', weight: 400 };
  if (key === 'vazirmatn-bold') return { family: 'Vazirmatn', weight: 700 };
  if (key === 'nastaliq') return { family: 'Monshi Nastaliq', weight: 400 };
  return { family: `Monshi ${key.replace(':', ' ')}`, weight: 400 };
}

/** Families already handed to the document (a font file is fetched once per window). */
const loaded = new Set<string>();

/**
 * Makes a cheque font usable in CSS. The bundled Nastaliq is served next to the UI (fonts/, copied
 * by the build); a user's font comes from the engine as bytes. FontFace from bytes is not a fetch,
 * so the Content-Security-Policy stays as it is.
 */
async function loadFont(client: Client, key: ChequeFontKey): Promise<void> {
  const { family } = cssFontOf(key);
  if (key === 'vazirmatn' || key === 'vazirmatn-bold' || loaded.has(family)) return;
  loaded.add(family);
  try {
    let face: FontFace;
    if (key === 'nastaliq') face = new FontFace(family, 'url(fonts/NotoNastaliqUrdu-Regular.ttf)');
    else {
      const r = await client.call('cheque-templates/font-file', { key });
      if (!r.ok) throw new Error(r.error.message);
      const bin = atob(r.value.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      face = new FontFace(family, bytes.buffer);
    }
    document.fonts.add(await face.load());
  } catch {
    loaded.delete(family); // the preview falls back to the UI font; printing does not depend on this
  }
}

/** The fonts fields can use (bundled, then the user's), each loaded into the page for the preview. */
export function useChequeFonts(): { fonts: ChequeFont[]; reload: () => void } {
  const client = useClient();
  const [fonts, setFonts] = useState<ChequeFont[]>([]);
  const [error, setError] = useState<string | null>(null);
  useFailureToast(error);
  const reload = useCallback(() => {
    void client.call('cheque-templates/fonts', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setFonts(r.value);
      for (const f of r.value) void loadFont(client, f.key);
    });
  }, [client]);
  useEffect(reload, [reload]);
  useEvent('cheque-templates/changed', reload);
  return { fonts, reload };
}
