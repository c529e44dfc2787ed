import type { IvrNode } from '../../shared/contract/ivr';
import { DTMF_KEYS, type DtmfKey } from '../../shared/contract/ivr';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';

type FaxDocNode = Extract<IvrNode, { kind: 'fax-document' }>;

/**
 * The fax-on-demand node's keys: each a key and a document of the fax library. A row without a document,
 * or one whose document was deleted since, is named by the tree's problems under the node.
 */
export function FaxDocumentRows({ node: n, onChange }: { node: FaxDocNode; onChange: (n: IvrNode) => void }) {
  const { t, digits } = useLocale();
  const docs = useQuery('fax/documents', {}, { reloadOn: ['fax/documents-changed'] });
  const list = docs.data ?? [];
  const set = (i: number, row: Partial<FaxDocNode['documents'][number]>) =>
    onChange({ ...n, documents: n.documents.map((d, j) => (j === i ? { ...d, ...row } : d)) });
  const free = DTMF_KEYS.find((k) => !n.documents.some((d) => d.key === k)) ?? '1';
  return (
    <fieldset className="ivr-prop ivr-fax-docs" data-testid="fax-documents">
      <legend>{t.ivr.faxDocuments}</legend>
      {docs.data && list.length === 0 && <p className="muted">{t.ivr.noFaxDocuments}</p>}
      {n.documents.map((d, i) => (
        <div className="ivr-row" key={i}>
          <select
            className="input ivr-key"
            value={d.key}
            onChange={(e) => set(i, { key: e.target.value as DtmfKey })}
            aria-label={t.ivr.key}
            data-testid={`fax-doc-key-${i}`}
          >
            {DTMF_KEYS.map((k) => (
              <option key={k} value={k}>
                {digits(k)}
              </option>
            ))}
          </select>
          <select
            className="input"
            value={d.documentId ?? ''}
            onChange={(e) => set(i, { documentId: e.target.value ? Number(e.target.value) : null })}
            aria-label={t.ivr.faxDocument}
            data-testid={`fax-doc-document-${i}`}
          >
            <option value="">{t.ivr.chooseDocument}</option>
            {list.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {doc.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button danger-outline small"
            onClick={() => onChange({ ...n, documents: n.documents.filter((_, j) => j !== i) })}
            data-testid={`fax-doc-remove-${i}`}
          >
            {t.common.remove}
          </button>
        </div>
      ))}
      {n.documents.length < DTMF_KEYS.length && (
        <button
          type="button"
          className="button small"
          onClick={() => onChange({ ...n, documents: [...n.documents, { key: free, documentId: null }] })}
          data-testid="fax-doc-add"
        >
          {t.ivr.addDocument}
        </button>
      )}
    </fieldset>
  );
}
