import { createContext, useContext } from 'react';

export type ConfirmRequest = { title: string; body: string; confirmLabel: string; danger?: boolean };
export type Confirm = (req: ConfirmRequest) => Promise<boolean>;

export const ConfirmContext = createContext<Confirm>(() => Promise.resolve(false));

/** Asks the user to confirm (delete, discard…); resolves true only on the confirm button. */
export function useConfirm(): Confirm {
  return useContext(ConfirmContext);
}
