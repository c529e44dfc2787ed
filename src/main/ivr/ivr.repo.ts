/** The SQL of prompts, trees, office hours, line assignments and IVR runs (migration 0008). */
import type { Db } from '../db/database';

export type PromptRow = { id: number; name: string; source: 'import' | 'record' | 'tts'; text: string; duration_ms: number; created_at: string };
export type TreeRow = { id: number; name: string; tree: string; updated_at: string };
export type AssignmentRow = { line_id: number; office_tree_id: number | null; closed_tree_id: number | null; holiday_tree_id: number | null };
export type RunRow = { call_id: number; tree_id: number | null; tree_name: string; path: string; end_reason: string };

export function createIvrRepo(db: Db) {
  const s = {
    prompts: db.prepare<[], PromptRow>('SELECT id, name, source, text, duration_ms, created_at FROM prompts ORDER BY name COLLATE NOCASE, id'),
    prompt: db.prepare<[number], PromptRow>('SELECT id, name, source, text, duration_ms, created_at FROM prompts WHERE id = ?'),
    promptWav: db.prepare<[number], { wav: Buffer }>('SELECT wav FROM prompts WHERE id = ?'),
    insertPrompt: db.prepare<[string, string, string, number, Buffer, string]>(
      'INSERT INTO prompts (name, source, text, duration_ms, wav, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    renamePrompt: db.prepare<[string, number]>('UPDATE prompts SET name = ? WHERE id = ?'),
    deletePrompt: db.prepare<[number]>('DELETE FROM prompts WHERE id = ?'),
    trees: db.prepare<[], TreeRow>('SELECT id, name, tree, updated_at FROM ivr_trees ORDER BY name COLLATE NOCASE'),
    tree: db.prepare<[number], TreeRow>('SELECT id, name, tree, updated_at FROM ivr_trees WHERE id = ?'),
    treeByName: db.prepare<[string], TreeRow>('SELECT id, name, tree, updated_at FROM ivr_trees WHERE name = ?'),
    insertTree: db.prepare<[string, string, string]>('INSERT INTO ivr_trees (name, tree, updated_at) VALUES (?, ?, ?)'),
    updateTree: db.prepare<[string, string, string, number]>('UPDATE ivr_trees SET name = ?, tree = ?, updated_at = ? WHERE id = ?'),
    deleteTree: db.prepare<[number]>('DELETE FROM ivr_trees WHERE id = ?'),
    hours: db.prepare<[], { weekday: number; open: string; close: string }>('SELECT weekday, open, close FROM ivr_hours ORDER BY weekday'),
    clearHours: db.prepare('DELETE FROM ivr_hours'),
    insertHours: db.prepare<[number, string, string]>('INSERT INTO ivr_hours (weekday, open, close) VALUES (?, ?, ?)'),
    assignments: db.prepare<[], AssignmentRow>(
      'SELECT a.line_id, a.office_tree_id, a.closed_tree_id, a.holiday_tree_id FROM ivr_line_trees a JOIN lines l ON l.id = a.line_id ORDER BY a.line_id',
    ),
    assignment: db.prepare<[number], AssignmentRow>('SELECT line_id, office_tree_id, closed_tree_id, holiday_tree_id FROM ivr_line_trees WHERE line_id = ?'),
    clearAssignments: db.prepare('DELETE FROM ivr_line_trees'),
    insertAssignment: db.prepare<[number, number | null, number | null, number | null]>(
      'INSERT INTO ivr_line_trees (line_id, office_tree_id, closed_tree_id, holiday_tree_id) VALUES (?, ?, ?, ?)',
    ),
    lineExists: db.prepare<[number], { id: number }>('SELECT id FROM lines WHERE id = ?'),
    insertRun: db.prepare<[number, number | null, string, string, string]>(
      'INSERT OR REPLACE INTO ivr_runs (call_id, tree_id, tree_name, path, end_reason) VALUES (?, ?, ?, ?, ?)',
    ),
    run: db.prepare<[number], RunRow>('SELECT call_id, tree_id, tree_name, path, end_reason FROM ivr_runs WHERE call_id = ?'),
    promptIds: db.prepare<[], { id: number }>('SELECT id FROM prompts'),
  };
  return {
    prompts: () => s.prompts.all(),
    prompt: (id: number) => s.prompt.get(id),
    promptWav: (id: number) => s.promptWav.get(id)?.wav ?? null,
    promptIds: () => new Set(s.promptIds.all().map((r) => r.id)),
    insertPrompt: (p: { name: string; source: string; text: string; durationMs: number; wav: Buffer }, at: string) =>
      Number(s.insertPrompt.run(p.name, p.source, p.text, p.durationMs, p.wav, at).lastInsertRowid),
    renamePrompt: (id: number, name: string) => s.renamePrompt.run(name, id).changes > 0,
    deletePrompt: (id: number) => s.deletePrompt.run(id).changes > 0,
    trees: () => s.trees.all(),
    tree: (id: number) => s.tree.get(id),
    treeByName: (name: string) => s.treeByName.get(name),
    insertTree: (name: string, json: string, at: string) => Number(s.insertTree.run(name, json, at).lastInsertRowid),
    updateTree: (id: number, name: string, json: string, at: string) => s.updateTree.run(name, json, at, id).changes > 0,
    deleteTree: (id: number) => s.deleteTree.run(id).changes > 0,
    hours: () => s.hours.all(),
    assignments: () => s.assignments.all(),
    assignment: (lineId: number) => s.assignment.get(lineId),
    lineExists: (id: number) => !!s.lineExists.get(id),
    saveSettings: db.transaction((hours: { weekday: number; open: string; close: string }[], assignments: AssignmentRow[]) => {
      s.clearHours.run();
      for (const h of hours) s.insertHours.run(h.weekday, h.open, h.close);
      s.clearAssignments.run();
      for (const a of assignments) s.insertAssignment.run(a.line_id, a.office_tree_id, a.closed_tree_id, a.holiday_tree_id);
    }),
    insertRun: (r: RunRow) => s.insertRun.run(r.call_id, r.tree_id, r.tree_name, r.path, r.end_reason),
    run: (callId: number) => s.run.get(callId),
  };
}

export type IvrRepo = ReturnType<typeof createIvrRepo>;
