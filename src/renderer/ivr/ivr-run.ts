/** An IVR run as the call log shows it: the tree that answered (while it is still that tree) and its steps in words. */
import type { IvrNode, IvrRun, IvrTreeRow } from '../../shared/contract/ivr';
import type { Locale } from '../i18n/locale';
import { stepText } from './ivr-steps';

/**
 * The tree a run was made with, or null when it is gone. A tree with the run's id but another name is
 * not trusted: tree ids come back after the newest tree is deleted (INTEGER PRIMARY KEY without
 * AUTOINCREMENT) and node ids ('n1', 'n2') repeat between trees, so its labels could tell a wrong
 * story; the stored name and raw ids tell a short true one. (A renamed tree loses its labels here too.)
 */
export function treeOfRun(run: Pick<IvrRun, 'treeId' | 'treeName'>, trees: readonly IvrTreeRow[]): IvrTreeRow | null {
  return trees.find((x) => x.id === run.treeId && x.name === run.treeName) ?? null;
}

/**
 * 'node': a node of the tree, by its label or kind; 'raw': a node id the tree no longer has;
 * 'key': a key the caller pressed; 'note': what happened between nodes (no key, office hours, a failed transfer).
 */
export type RunStepKind = 'node' | 'raw' | 'key' | 'note';
export type RunStep = { kind: RunStepKind; text: string };

/**
 * The steps of a run in reading order. Worded like the demo caller's last-call line (stepText), except
 * that the office-hours state is said ("outside office hours"): a manager reading an old call cannot
 * tell otherwise why the caller heard the night menu.
 */
export function runSteps(path: readonly string[], nodes: readonly IvrNode[], locale: Pick<Locale, 't' | 'digits'>): RunStep[] {
  const { t } = locale;
  const office: Record<string, string> = { open: t.ivr.whenOpen, closed: t.ivr.whenClosed, holiday: t.ivr.onHoliday };
  return path.flatMap((step): RunStep[] => {
    if (step.startsWith('office:')) {
      const text = office[step.slice(7)];
      return text ? [{ kind: 'note', text }] : [];
    }
    const text = stepText(step, nodes, locale);
    if (!text) return [];
    if (step.startsWith('key:')) return [{ kind: 'key', text }];
    if (step === 'timeout' || step.startsWith('transfer:') || step.startsWith('fax:')) return [{ kind: 'note', text }];
    return [{ kind: nodes.some((n) => n.id === step) ? 'node' : 'raw', text }];
  });
}
