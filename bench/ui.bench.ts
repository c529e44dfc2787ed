/**
 * What the user feels in the real UI (`BENCH=ui`): browser mode on a copy of the cached
 * 1,000,000-contact phonebook, the built renderer in Debian's Chromium (playwright-core).
 *
 * - ui_ready_ms_1m: from creating the engine (the server's start) to the first contact row of the
 *   phonebook list in the page's DOM, seen by a MutationObserver and then one animation frame (the
 *   frame that paints it). Chromium is launched and its page opened before, as a desktop would have
 *   its window; the page is navigated as soon as the server listens.
 * - ui_search_to_screen_p95_ms_1m: a key typed in the search box (the input event, in the page) to the
 *   frame after the list shows that query's answer (the result count no longer pending). Each prefix of
 *   a few names and numbers, typed one key at a time, at most one key per 120 ms (a quick typist).
 * - ui_scroll_frame_p95_ms_1m: frame times (requestAnimationFrame deltas) while the list is scrolled
 *   by 900 px every frame for three seconds, pages loading as they come into view.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createEngine } from '../src/main/engine/engine';
import { startServer } from '../src/main/server/http-server';
import { p, round } from './bench-util';
import { PAGE_TRACE, reportHops, traceServer } from './ui-hops';

const TYPED = ['علی رضایی', 'محمد کریمی', 'زهرا احمدی', 'Sara Smith', '0912', 'پارس'];
const now = () => performance.timeOrigin + performance.now();

export async function uiBench(cache: string, millionDir: string, rendererDir: string): Promise<Record<string, number>> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('the UI benchmark needs Debian chromium (/usr/bin/chromium)');
  const dir = path.join(cache, 'ui-1m');
  // A cached phonebook of an older schema is upgraded once, before the copy: an upgrade runs once after
  // an update (its foreign-key check of 1M contacts took 1.7 s), not at every start the user sees.
  await createEngine({ dataDir: millionDir, noLines: true, noAlarms: true }).close();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(millionDir, dir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  // bypassCSP: the probes below are evaluated from strings, which the app's CSP (rightly) forbids.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await page.goto('about:blank');
  const t0 = now();
  const e = createEngine({ dataDir: dir, shell: 'browser', noLines: true });
  const hops = process.env.UI_HOPS ? traceServer(e) : null;
  const token = 'bench-token-0123456789abcdef';
  const server = await startServer({ engine: e, rendererDir, token, port: 0, host: '127.0.0.1' });
  const serverAt = now();
  try {
    // Stamped in the page from its first script: the first row seen, then the frame that paints it.
    await page.addInitScript(`(() => {
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-testid="contact-row"]')) return;
        obs.disconnect();
        requestAnimationFrame(() => { window.__firstRowAt = performance.timeOrigin + performance.now(); });
      }).observe(document, { childList: true, subtree: true });
    })()`);
    if (hops) await page.addInitScript(PAGE_TRACE);
    // With UI_TIMING set, every WebSocket message's time and first characters (what the first row waits for).
    if (process.env.UI_TIMING)
      await page.addInitScript(`(() => {
        const W = window.WebSocket;
        window.__ws = [];
        const at = () => Math.round(performance.now());
        let keyAt = 0;
        document.addEventListener('input', () => { keyAt = performance.now(); window.__ws.push([at(), 'key', '']); }, true);
        // React renders the keystroke inside the input event: the bubbling end on window is after its commit.
        window.addEventListener('input', () => window.__ws.push([at(), 'rendered', (performance.now() - keyAt).toFixed(1)]));
        window.WebSocket = class extends W {
          constructor(...a) { super(...a); this.addEventListener('message', (e) => window.__ws.push([at(), 'in', String(e.data).slice(0, 90)])); }
          send(d) { window.__ws.push([at(), 'out', String(d).slice(0, 90)]); super.send(d); }
        };
      })()`);
    // The server's address carries a one-time sign-in code (a redirect sets the cookie, as for a user).
    await page.goto(/[?&](code|token)=/.test(server.url) ? server.url : `${server.url}?token=${token}`);
    const ready = (await (await page.waitForFunction('window.__firstRowAt ?? null', undefined, { timeout: 60_000, polling: 10 })).jsonValue()) as number;
    const readyMs = ready - t0;
    const nav = (await page.evaluate(
      'JSON.stringify({ origin: performance.timeOrigin, dcl: performance.timing.domContentLoadedEventEnd, load: performance.timing.loadEventEnd })',
    )) as string;
    const n = JSON.parse(nav) as { origin: number; dcl: number; load: number };
    // UI_TIMING=1: where the time before the first row goes (the server shares its thread with the engine).
    if (process.env.UI_TIMING) {
      const res = (await page.evaluate(
        `JSON.stringify(performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))` +
          `.map((r) => [r.name.replace(/^.*\\//, ''), Math.round(r.startTime), Math.round(r.responseStart), Math.round(r.responseEnd)]))`,
      )) as string;
      console.log(`  files (name, start, first byte, end; ms after navigation): ${res}`);
      console.log(`  WebSocket (ms after navigation): ${(await page.evaluate('JSON.stringify(window.__ws.slice(0, 30))')) as string}`);
    }
    console.log(
      `  ready: server listening at ${(serverAt - t0).toFixed(0)} ms, page navigation at ${(n.origin - t0).toFixed(0)} ms, DOM loaded at ` +
        `${(n.dcl - t0).toFixed(0)} ms, first row painted at ${readyMs.toFixed(0)} ms`,
    );

    // Search: the input event, then the frame after the answer is on screen.
    await page.evaluate(`(() => {
      const count = document.querySelector('[data-testid="result-count"]');
      const input = document.querySelector('[data-testid="search-input"]');
      window.__typed = [];
      let typedAt = 0;
      let sawPending = false;
      input.addEventListener('input', () => { typedAt = performance.now(); sawPending = false; });
      new MutationObserver(() => {
        if (!typedAt) return;
        const pending = count.classList.contains('pending');
        if (pending) { sawPending = true; return; }
        if (!sawPending) return;
        const at = typedAt;
        const committed = performance.now();
        typedAt = 0;
        requestAnimationFrame(() => {
          window.__typed.push(performance.now() - at);
          window.__hops?.painted.push([performance.timeOrigin + at, performance.timeOrigin + committed, performance.timeOrigin + performance.now()]);
        });
      }).observe(document.querySelector('[data-testid="phonebook"]'), { childList: true, subtree: true, attributes: true, characterData: true });
    })()`);
    const input = page.getByTestId('search-input');
    const searchMs: number[] = [];
    for (const text of TYPED) {
      await input.fill('');
      await page.waitForTimeout(300);
      await page.evaluate('window.__typed.length = 0');
      for (const ch of text) {
        const before = (await page.evaluate('window.__typed.length')) as number;
        await page.keyboard.type(ch);
        if (ch === ' ') continue; // the same words: no new query
        await page.waitForFunction(`window.__typed.length > ${before}`, undefined, { timeout: 10_000, polling: 5 });
        await page.waitForTimeout(120);
      }
      const typed = (await page.evaluate('window.__typed.slice()')) as number[];
      if (process.env.UI_TIMING) console.log(`  ${text}: ${typed.map((ms) => ms.toFixed(0)).join(' ')}`);
      if (process.env.UI_TIMING && text === '0912') console.log((await page.evaluate('JSON.stringify(window.__ws.slice(-40))')) as string);
      searchMs.push(...typed);
    }

    if (hops) reportHops(JSON.parse((await page.evaluate('JSON.stringify(window.__hops)')) as string), hops);

    // Scrolling the whole list fast.
    await input.fill('');
    await page.waitForTimeout(500);
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const list = document.querySelector('[data-testid="contact-list"]');
      const deltas = [];
      let last = 0;
      const end = performance.now() + 3000;
      const step = (t) => {
        if (last) deltas.push(t - last);
        last = t;
        list.scrollTop += 900;
        if (t < end) requestAnimationFrame(step); else resolve(deltas);
      };
      requestAnimationFrame(step);
    })`)) as number[];
    console.log(
      `  UI (1M contacts): ready ${readyMs.toFixed(0)} ms; search to screen p50 ${p(searchMs, 0.5).toFixed(1)} ms, p95 ${p(searchMs, 0.95).toFixed(1)} ms ` +
        `over ${searchMs.length} keys; scroll frames p50 ${p(frames, 0.5).toFixed(1)} ms, p95 ${p(frames, 0.95).toFixed(1)} ms over ${frames.length} frames`,
    );
    return {
      ui_ready_ms_1m: round(readyMs, 0),
      ui_search_to_screen_p95_ms_1m: round(p(searchMs, 0.95), 1),
      ui_scroll_frame_p95_ms_1m: round(p(frames, 0.95), 1),
    };
  } finally {
    await browser.close();
    await server.close();
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
