import { useContext, type ReactNode } from 'react';
import { ScreenShownContext } from './screen-shown';

/** Marks what it wraps as shown only when `when` holds and everything around it is shown too. */
export function ShownWhen({ when, children }: { when: boolean; children: ReactNode }) {
  const outer = useContext(ScreenShownContext);
  return <ScreenShownContext.Provider value={outer && when}>{children}</ScreenShownContext.Provider>;
}
