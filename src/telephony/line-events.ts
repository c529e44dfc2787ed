/** The listeners of one line's events, as every `Line` keeps them (the voice modem, the sound card, SIP later). */
import type { LineEventName, LineEvents } from './line';

type Listener<E extends LineEventName> = (p: LineEvents[E]) => void;

export function lineListeners() {
  const listeners = new Map<LineEventName, Set<Listener<LineEventName>>>();
  return {
    on<E extends LineEventName>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener<LineEventName>);
      return () => set.delete(listener as Listener<LineEventName>);
    },
    emit<E extends LineEventName>(event: E, payload: LineEvents[E]): void {
      for (const l of listeners.get(event) ?? []) (l as Listener<E>)(payload);
    },
  };
}
