import { useState } from 'react';
import type { CustomField, FieldKind } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { FIELD_KIND_LIST } from '../lib/kinds';
import { useConfirm } from '../ui/confirm-context';
import { FieldErrorText } from '../ui/field-error';

type Props = { field: CustomField | null; index: number };

const optionsOf = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A user-defined field: name, kind and (for a choice) its options. With `field` null it is the
 * "new field" form. Changing the kind of a field that has values is refused by the engine
 * ('conflict'); its message is shown here.
 */
export function FieldRowEditor({ field, index }: Props) {
  const t = useT();
  const client = useClient();
  const confirm = useConfirm();
  const [name, setName] = useState(field?.name ?? '');
  const [kind, setKind] = useState<FieldKind>(field?.kind ?? 'text');
  const [options, setOptions] = useState((field?.options ?? []).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const isNew = field === null;
  const dirty = isNew ? name.trim() !== '' : name !== field.name || kind !== field.kind || options !== field.options.join('\n');
  const tid = isNew ? 'new-field' : `field-${index}`;

  const save = async () => {
    const data = { name, kind, options: kind === 'choice' ? optionsOf(options) : [] };
    const r = isNew ? await client.call('fields/create', data) : await client.call('fields/update', { id: field.id, data });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    if (isNew) {
      setName('');
      setKind('text');
      setOptions('');
    }
  };
  const remove = async () => {
    if (!field) return;
    const ok = await confirm({ title: t.manage.deleteFieldTitle, body: t.manage.deleteFieldBody(field.name), confirmLabel: t.common.delete, danger: true });
    if (!ok) return;
    const r = await client.call('fields/delete', { id: field.id });
    if (!r.ok) setError(r.error.message);
  };

  return (
    <li className={isNew ? 'manage-new' : 'manage-row'} data-testid={isNew ? 'new-field' : 'field-row'}>
      <div className="manage-row-inputs">
        <input
          className={`input${error ? ' invalid' : ''}`}
          value={name}
          dir="auto"
          placeholder={isNew ? t.manage.newField : undefined}
          aria-label={t.manage.fieldName}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && dirty && void save()}
          data-autofocus={isNew ? true : undefined}
          data-testid={`${tid}-name`}
        />
        <select
          className="input kind-select"
          value={kind}
          aria-label={t.manage.fieldKind}
          onChange={(e) => setKind(e.target.value as FieldKind)}
          data-testid={`${tid}-kind`}
        >
          {FIELD_KIND_LIST.map((k) => (
            <option key={k} value={k}>
              {t.fieldKinds[k]}
            </option>
          ))}
        </select>
        <button type="button" className={isNew ? 'button primary' : 'button small'} disabled={!dirty} onClick={() => void save()} data-testid={`${tid}-save`}>
          {isNew ? t.manage.addField : t.common.save}
        </button>
        {!isNew && (
          <button type="button" className="button small danger-outline" onClick={() => void remove()} data-testid={`${tid}-delete`}>
            {t.common.delete}
          </button>
        )}
      </div>
      {kind === 'choice' && (
        <label className="options-editor">
          <span className="label">{t.manage.fieldOptions}</span>
          <textarea className="input" rows={3} dir="auto" value={options} onChange={(e) => setOptions(e.target.value)} data-testid={`${tid}-options`} />
        </label>
      )}
      <FieldErrorText id={`${tid}-err`} message={error ?? undefined} />
    </li>
  );
}
