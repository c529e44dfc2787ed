import { createContext, useContext } from 'react';
import type { Method } from '../../shared/contract/api';
import type { SessionState } from '../../shared/contract/accounts';

export type Session = {
  state: SessionState;
  /** Takes a state the engine answered (sign-in, lock, sign-out, a user's change). */
  set: (s: SessionState) => void;
  /** May this session make the request? Hides what it may not; the engine refuses it anyway. */
  may: (method: Method) => boolean;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}
