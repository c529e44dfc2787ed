/**
 * What the fax e2e tests all set up: the app in a language (and its calendar), a demo line once its
 * modem says it can fax (Class 1, as the Lines screen shows it), and a document added to the fax
 * library through the Fax screen's file picker (or through the engine's request, as the picker would).
 */
import type { Page } from 'playwright-core';
import type { InputOf } from '../../src/shared/contract/api';
import { engineApi, pollUntil } from './app';

/** Turns the app to `lang` (Persian with the Jalali calendar, English with the Gregorian) and waits for the page to follow. */
export async function useLanguage(page: Page, lang: 'fa' | 'en'): Promise<void> {
  await engineApi(page, 'settings/update', { language: lang, calendar: lang === 'fa' ? 'jalali' : 'gregorian' });
  await pollUntil(page, () => page.evaluate(() => document.documentElement.lang), lang);
}

/** A demo line, created as the Lines screen does, once its modem says it can fax (Class 1); its id. */
export async function demoFaxLine(page: Page, input: Partial<InputOf<'lines/create'>> = {}): Promise<number> {
  const line = await engineApi(page, 'lines/create', { name: 'دمو', kind: 'demo', ...input });
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === line.id)?.abilities.fax ?? null, 'class1', 20_000);
  return line.id;
}

/** Adds a file through the Fax screen's picker (the screen must be open) and waits until its row is listed; the row's document id. */
export async function addFaxFile(page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf'): Promise<number> {
  await page.getByTestId('fax-file').setInputFiles({ name, mimeType, buffer });
  const row = page.getByTestId('fax-row').filter({ hasText: name });
  await row.waitFor({ timeout: 30_000 });
  return Number(await row.getAttribute('data-id'));
}

/** A one-page text document in the library, through the engine (as the picker would add it); its id. */
export async function addFaxText(page: Page, fileName: string, text: string, resolution: 'standard' | 'fine' = 'standard'): Promise<number> {
  return (await engineApi(page, 'fax/document-add', { fileName, base64: Buffer.from(text).toString('base64'), resolution })).id;
}

/** The shown fax page image's natural size and its black and white pixel counts, read from a canvas in the page. */
export async function pixelsOfPage(p: Page): Promise<{ width: number; height: number; black: number; white: number }> {
  await p.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="fax-page-image"]');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  return p.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="fax-page-image"]')!;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let black = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 64 && data[i + 3]! > 200) black++;
      else if (data[i]! > 192) white++;
    }
    return { width: img.naturalWidth, height: img.naturalHeight, black, white };
  });
}
