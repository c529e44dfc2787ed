import { useT } from '../i18n/use-t';

/** Shown before the settings have loaded, or when the page cannot reach the engine at all. */
export function StartScreen({ messages, failed }: { messages: string[]; failed: boolean }) {
  const t = useT();
  return (
    <div className="start-screen" data-testid="start-screen">
      <div className="start-card">
        <div className="brand-name large">{t.app.name}</div>
        {messages.map((m) => (
          <p key={m} dir="auto" className={failed ? 'error' : 'muted'} role={failed ? 'alert' : 'status'}>
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}
