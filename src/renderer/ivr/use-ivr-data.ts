import { useCallback, useEffect, useState } from 'react';
import type { IvrSettings, IvrTreeRow, Mailbox, Prompt } from '../../shared/contract/ivr';
import type { LineView } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

export type IvrData = { prompts: Prompt[]; trees: IvrTreeRow[]; mailboxes: Mailbox[]; settings: IvrSettings | null; lines: LineView[]; reload: () => void };

/** Prompts, trees, mailboxes, hours and lines, reloaded when the engine says they changed. */
export function useIvrData(): IvrData {
  const client = useClient();
  const [data, setData] = useState<Omit<IvrData, 'reload'>>({ prompts: [], trees: [], mailboxes: [], settings: null, lines: [] });
  const reload = useCallback(() => {
    void Promise.all([
      client.call('prompts/list', {}),
      client.call('ivr/trees', {}),
      client.call('mailboxes/list', {}),
      client.call('ivr/settings', {}),
      client.call('lines/list', {}),
    ]).then(([p, t, m, s, l]) => {
      setData({
        prompts: p.ok ? p.value : [],
        trees: t.ok ? t.value : [],
        mailboxes: m.ok ? m.value : [],
        settings: s.ok ? s.value : null,
        lines: l.ok ? l.value : [],
      });
    });
  }, [client]);
  useEffect(reload, [reload]);
  useEvent('ivr/changed', reload);
  useEvent('voicemail/changed', reload);
  useEvent('lines/changed', reload);
  return { ...data, reload };
}
