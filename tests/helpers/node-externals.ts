/** The packages the build leaves out of its Node bundles (scripts/node-externals.json), for tests that bundle the CLI themselves. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const nodeExternals: string[] = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'scripts', 'node-externals.json'), 'utf8')) as string[];

/** The engine's worker threads (scripts/node-workers.json): bundle name → source, resolved; a bundle of the CLI needs them beside it. */
export const nodeWorkers: Record<string, string> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'scripts', 'node-workers.json'), 'utf8')) as Record<string, string>).map(
    ([name, source]) => [name, path.join(__dirname, '..', '..', source)],
  ),
);
