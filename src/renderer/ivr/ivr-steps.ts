/** A step of an IVR run (as the engine records it: a node id, 'key:3', 'timeout', 'office:open', 'transfer:unsupported', 'fax:sent') in words. */
import type { IvrNode, IvrRun } from '../../shared/contract/ivr';
import type { Locale } from '../i18n/locale';

/** '' for steps not worth showing (the office-hours state: the next node says it). */
export function stepText(step: string, nodes: readonly IvrNode[], { t, digits }: Pick<Locale, 't' | 'digits'>): string {
  if (step.startsWith('key:')) return `${t.ivr.keyPress} ${digits(step.slice(4))}`;
  if (step === 'timeout') return t.ivr.stepTimeout;
  if (step.startsWith('office:')) return '';
  // A transfer node that could not flash (the sound card, a line without the ability) says why, then its fallback follows.
  if (step.startsWith('transfer:')) return t.ivr.stepTransferFailed(step.slice(9));
  // A fax-on-demand node: the fax went ('sent' / 'failed', see the fax log) or none started ('unavailable', its fallback follows).
  if (step.startsWith('fax:')) return t.ivr.stepFax(step.slice(4));
  const node = nodes.find((n) => n.id === step);
  return node?.label || (node ? t.ivr.kinds[node.kind] : step);
}

/**
 * The steps of a run joined in reading order (the arrow points the way the UI's direction reads). Each
 * step is isolated (FSI…PDI) so an English label in a Persian path (or the reverse) keeps its place.
 */
export function pathText(steps: readonly string[], nodes: readonly IvrNode[], locale: Pick<Locale, 't' | 'digits' | 'dir'>): string {
  return steps
    .map((s) => stepText(s, nodes, locale))
    .filter(Boolean)
    .map((s) => `\u2068${s}\u2069`)
    .join(locale.dir === 'rtl' ? ' ← ' : ' → ');
}

/**
 * How a run ended, in words. A menu gives up ('timeout') after its last miss, which is either no key
 * in time or a wrong key: the last step says which.
 */
export function endText(run: Pick<IvrRun, 'end' | 'path'>, { t }: Pick<Locale, 't'>): string {
  if (run.end === 'timeout' && run.path[run.path.length - 1]?.startsWith('key:')) return t.ivr.endWrongKeys;
  // 'fax' is a fax machine's calling tone, or a fax-on-demand node's fax (its 'fax:sent' / 'fax:failed' step).
  if (run.end === 'fax' && run.path.some((s) => s.startsWith('fax:'))) return t.ivr.endFaxOnDemand;
  return t.ivr.ends[run.end];
}
