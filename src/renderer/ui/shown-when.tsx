import { useContext, useState, type ReactNode } from 'react';
import { ScreenShownContext } from './screen-shown';

/**
 * Marks what it wraps as shown only when `when` holds and everything around it is shown too. With
 * `lazy`, what it wraps is first rendered when it is first shown, then kept (hidden) so its state
 * survives a change of tab: the window's first paint does not wait for screens nobody opened yet.
 */
export function ShownWhen({ when, lazy = false, children }: { when: boolean; lazy?: boolean; children: ReactNode }) {
  const outer = useContext(ScreenShownContext);
  const [seen, setSeen] = useState(when);
  if (when && !seen) setSeen(true);
  return <ScreenShownContext.Provider value={outer && when}>{!lazy || seen || when ? children : null}</ScreenShownContext.Provider>;
}
