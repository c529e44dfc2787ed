/**
 * The independent programs that tests compare our output against (poppler, hb-shape, mgetty-voice's
 * pvftools, espeak-ng). A missing one FAILS the tests that need it, with the package to install —
 * never a silent skip, which once let a whole reference comparison go unrun. `npm test` installs them
 * on Debian/Ubuntu (scripts/test.mjs).
 */
import { spawnSync } from 'node:child_process';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function assertTools(tools: string[], pkg: string): void {
  const missing = tools.filter((t) => !has(t));
  if (missing.length > 0) throw new Error(`reference tool missing: ${missing.join(', ')} (Debian package ${pkg}; \`npm test\` installs it)`);
}

/** A describe block whose tests all fail when one of the tools is missing. */
export const describeWithTools = (tools: string[], pkg: string) => (name: string, fn: () => void) =>
  describe(name, () => {
    beforeAll(() => assertTools(tools, pkg));
    fn();
  });

/** A test that fails when one of the tools is missing. */
export const testWithTools = (tools: string[], pkg: string) => (name: string, fn: () => unknown, timeout?: number) =>
  test(
    name,
    async () => {
      assertTools(tools, pkg);
      await fn();
    },
    timeout,
  );

export const POPPLER: [string[], string] = [['pdfinfo', 'pdftotext', 'pdftoppm', 'pdffonts'], 'poppler-utils'];
