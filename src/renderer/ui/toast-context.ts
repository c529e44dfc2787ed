import { createContext, useContext } from 'react';

export type ToastKind = 'info' | 'success' | 'error';
/** `lang`/`dir`: the UI language the text was written in; the toast keeps them when the user switches language. */
export type Toast = { id: number; kind: ToastKind; text: string; lang: string; dir: 'rtl' | 'ltr' };
export type Toaster = { show: (kind: ToastKind, text: string) => void };

export const ToastContext = createContext<Toaster>({ show: () => undefined });

/** Short messages at the bottom of the window; errors stay longer. Never a stack trace. */
export function useToast(): Toaster {
  return useContext(ToastContext);
}
