/** The packages the build leaves out of its Node bundles (scripts/node-externals.json), for tests that bundle the CLI themselves. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const nodeExternals: string[] = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'scripts', 'node-externals.json'), 'utf8')) as string[];
