import { useCatalog } from '../app/catalog-context';
import { useT } from '../i18n/use-t';
import { FieldRowEditor } from './field-row-editor';

/** Create, rename, change and delete user-defined fields. */
export function FieldsManager() {
  const t = useT();
  const { fields } = useCatalog();
  return (
    <div className="manager" data-testid="fields-manager">
      <p className="muted">{t.manage.fieldsHelp}</p>
      <ul className="manage-list">
        <FieldRowEditor field={null} index={-1} />
      </ul>
      {fields.length === 0 ? (
        <p className="muted">{t.manage.noFields}</p>
      ) : (
        <ul className="manage-list">
          {fields.map((f, i) => (
            <FieldRowEditor key={`${f.id}:${f.name}:${f.kind}:${f.options.join('|')}`} field={f} index={i} />
          ))}
        </ul>
      )}
    </div>
  );
}
