import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { ConfirmContext, type ConfirmRequest } from './confirm-context';
import { Dialog } from './dialog';

type Open = ConfirmRequest & { resolve: (ok: boolean) => void };

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState<Open | null>(null);
  const confirm = useCallback((req: ConfirmRequest) => new Promise<boolean>((resolve) => setOpen({ ...req, resolve })), []);
  const finish = (ok: boolean) => {
    open?.resolve(ok);
    setOpen(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {open && (
        <Dialog
          title={open.title}
          size="small"
          testId="confirm-dialog"
          onClose={() => finish(false)}
          footer={
            <>
              {/* A destructive question starts on the safe answer: Enter or a stray key press keeps the data. */}
              <button
                type="button"
                className="button"
                onClick={() => finish(false)}
                data-testid="confirm-cancel"
                data-autofocus={open.danger ? true : undefined}
              >
                {t.common.cancel}
              </button>
              <button
                type="button"
                className={open.danger ? 'button danger' : 'button primary'}
                onClick={() => finish(true)}
                data-testid="confirm-ok"
                data-autofocus={open.danger ? undefined : true}
              >
                {open.confirmLabel}
              </button>
            </>
          }
        >
          <p className="confirm-body">{open.body}</p>
        </Dialog>
      )}
    </ConfirmContext.Provider>
  );
}
