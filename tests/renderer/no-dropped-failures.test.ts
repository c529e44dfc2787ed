/**
 * A failed request is shown to the user, never dropped (STYLE.md): `r.ok && setX(r.value)` does
 * nothing at all when the request fails, so the screen shows an empty or stale list as if it were
 * true. Loads go through hooks/use-query.ts (or show the error themselves), actions toast the error.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../src/renderer');
/** A request's result tested only for success and otherwise forgotten: `r.ok && …`, `!stop && r.ok && …`, `if (!r.ok) return;`. */
const DROPS_FAILURE = /\b(r|res|result)\.ok\s*&&|if \(!(r|res|result)\.ok\) return;/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the renderer never drops a failed request', () => {
  it('finds the renderer sources', () => {
    expect(sourceFiles(ROOT).length).toBeGreaterThan(50);
  });

  it('has no `r.ok && …` or bare `if (!r.ok) return;` that forgets the failure', () => {
    const found = sourceFiles(ROOT).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (DROPS_FAILURE.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
