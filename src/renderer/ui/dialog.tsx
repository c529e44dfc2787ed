import { useContext, useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/use-t';
import { isTopModal, popModal, pushModal } from './modal-stack';
import { ScreenShownContext } from './screen-shown';

type Props = {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
  testId?: string;
  /** Keyboard handler for the whole dialog (e.g. Ctrl+S to save). */
  onKeyDown?: (e: ReactKeyboardEvent) => void;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), ' +
  '[tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog rendered over the app: Esc and the close button call `onClose`, Tab stays inside,
 * focus goes to the first `[data-autofocus]` (or first control) and back where it was on close. On a screen
 * that is not shown (the user went Back from it), it stays open but hidden and out of the modal stack.
 */
export function Dialog({ title, onClose, children, footer, size = 'medium', testId, onKeyDown }: Props) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const tokenRef = useRef<symbol | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const shown = useContext(ScreenShownContext);

  useLayoutEffect(() => {
    if (!shown) return;
    const before = document.activeElement as HTMLElement | null;
    const token = pushModal();
    tokenRef.current = token;
    const el = ref.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el)?.focus();
    return () => {
      popModal(token);
      tokenRef.current = null;
      before?.focus?.();
    };
  }, [shown]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const token = tokenRef.current;
      if (e.key === 'Escape' && token && isTopModal(token)) {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const trapTab = (e: ReactKeyboardEvent) => {
    onKeyDown?.(e);
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" hidden={!shown}>
      <div
        ref={ref}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={trapTab}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t.common.close} title={t.common.close} onClick={onClose} data-testid="dialog-close">
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
