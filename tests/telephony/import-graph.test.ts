/**
 * The import graph of src/telephony. It has no cycle: a runtime cycle leaves one module's exports
 * undefined while the other initialises (which one depends on who is imported first), and a cycle of
 * type imports is the same knot in the design (the simulator's parts once imported modem-sim for its
 * class while modem-sim imported them). Read from the source with the TypeScript parser: cheap and
 * deterministic, and no lint plugin is needed. And telephony owns its types: it imports nothing of the
 * UI contract (src/shared/contract), whose line status the engine maps from telephony's.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../src/telephony');

type Edge = { to: string; typeOnly: boolean };
/** Every relative import as [file, resolved path without extension], type imports included. */
const imported: [string, string][] = [];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile()) ?? null;
}

/** Whether a declaration brings in only types (erased from the compiled JavaScript). */
function typeOnly(st: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(st)) {
    const c = st.importClause;
    if (!c) return false; // a side-effect import runs the module
    if (c.isTypeOnly) return true;
    const named = c.namedBindings;
    return !c.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  const named = st.exportClause;
  return st.isTypeOnly || (!!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
}

function graph(files: string[]): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const f of files) {
    const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest);
    const edges: Edge[] = [];
    for (const st of sf.statements) {
      if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!st.moduleSpecifier.text.startsWith('.')) continue;
      imported.push([f, path.resolve(path.dirname(f), st.moduleSpecifier.text)]);
      const to = resolve(f, st.moduleSpecifier.text);
      if (to) edges.push({ to, typeOnly: typeOnly(st) });
    }
    g.set(f, edges);
  }
  return g;
}

/** Every cycle a depth-first walk meets, as 'a.ts -> b.ts -> a.ts' (relative to src/telephony). */
function cycles(g: Map<string, Edge[]>, runtimeOnly: boolean): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const e of g.get(n) ?? []) {
      if ((runtimeOnly && e.typeOnly) || !g.has(e.to)) continue;
      if (state.get(e.to) === 'open') found.push([...stack.slice(stack.indexOf(e.to)), e.to].map((f) => path.relative(ROOT, f)).join(' -> '));
      else if (!state.has(e.to)) visit(e.to);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('src/telephony import graph', () => {
  const g = graph(sources(ROOT));

  it('reads the imports (the walk sees the simulator importing its parts)', () => {
    const sim = g.get(path.join(ROOT, 'sim/modem-sim.ts'))!.map((e) => path.relative(ROOT, e.to));
    expect(sim).toEqual(expect.arrayContaining(['sim/sim-commands.ts', 'sim/sim-state.ts']));
  });

  it('has no runtime import cycle', () => {
    expect(cycles(g, true)).toEqual([]);
  });

  it('has no cycle of type imports either: each part depends one way', () => {
    expect(cycles(g, false)).toEqual([]);
  });

  it('imports nothing of the UI contract, not even a type', () => {
    expect(imported.length).toBeGreaterThan(50);
    const contract = path.resolve(ROOT, '../shared/contract');
    const hits = imported.filter(([, to]) => to === contract || to.startsWith(contract + path.sep));
    expect(hits.map(([f, to]) => `${path.relative(ROOT, f)} -> ${path.relative(ROOT, to)}`)).toEqual([]);
  });
});
