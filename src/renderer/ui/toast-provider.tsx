import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useLocale } from '../i18n/use-t';
import { ToastContext, type Toast, type ToastKind, type Toaster } from './toast-context';

const LIFETIME_MS: Record<ToastKind, number> = { info: 4000, success: 4000, error: 9000 };

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t, lang, dir } = useLocale();
  // The language on when a toast is shown is the one its text was written in (callers word it with the
  // current catalogue); read through a ref so `show` stays one function for the whole session.
  const written = useRef({ lang, dir });
  written.current = { lang, dir };
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (kind: ToastKind, text: string) => {
      const id = nextId.current++;
      setToasts((list) => [...list.filter((x) => x.text !== text).slice(-3), { id, kind, text, ...written.current }]);
      setTimeout(() => dismiss(id), LIFETIME_MS[kind]);
    },
    [dismiss],
  );
  const value = useMemo<Toaster>(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {createPortal(
        <div className="toasts" aria-live="polite">
          {toasts.map((x) => (
            <div
              key={x.id}
              className={`toast toast-${x.kind}`}
              lang={x.lang}
              dir={x.dir}
              role={x.kind === 'error' ? 'alert' : 'status'}
              data-testid={`toast-${x.kind}`}
            >
              <span className="toast-text">{x.text}</span>
              <button type="button" className="icon-button" aria-label={t.common.close} onClick={() => dismiss(x.id)}>
                ×
              </button>
            </div>
          ))}
        </div>,
        document.body,
      )}
    </ToastContext.Provider>
  );
}
