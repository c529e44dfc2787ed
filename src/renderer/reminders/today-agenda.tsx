import { useState } from 'react';
import { isoDateOf } from '../../shared/text/calendar';
import { useT } from '../i18n/use-t';
import { OccurrenceList } from './occurrence-list';
import { useOccurrences } from './use-occurrences';

/** Today's agenda, shown on the main window (the phonebook's side pane when no contact is open). */
export function TodayAgenda({
  onOpenReminder,
  onOpenContact,
  onShowAll,
}: {
  onOpenReminder: (id: number) => void;
  onOpenContact: (id: number) => void;
  onShowAll: () => void;
}) {
  const t = useT();
  const [today] = useState(() => isoDateOf(new Date()));
  const { list } = useOccurrences({ from: today, to: today });
  if (!list) return null;
  return (
    <section className="today-agenda" aria-label={t.reminders.agendaTitle} data-testid="today-agenda">
      <header>
        <h2>{t.reminders.agendaTitle}</h2>
        <button type="button" className="link-button" onClick={onShowAll}>
          {t.reminders.agendaAll}
        </button>
      </header>
      {list.items.length === 0 ? (
        <p className="muted">{t.reminders.agendaEmpty}</p>
      ) : (
        <OccurrenceList items={list.items} today={today} compact onOpen={(o) => (o.source === 'birthday' ? onOpenContact(o.refId) : onOpenReminder(o.refId))} />
      )}
    </section>
  );
}
