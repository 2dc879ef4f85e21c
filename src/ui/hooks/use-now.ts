// Uptimes, "synced 12s ago" and crash-loop countdowns need the screen redrawn as time passes,
// but only when one of them would read differently: `nextChange` says when that is (null: never).
// The time itself is read on every render, so a frame caused by a store update is never stale.

import { useEffect, useReducer } from 'react';

export function useNow(clock: () => number, nextChange: (now: number) => number | null, enabled: boolean): number {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const now = clock();
  const delay = enabled ? nextChange(now) : null;
  useEffect(() => {
    if (delay === null) return;
    // A little late rather than early: firing just before the boundary would redraw for nothing.
    const t = setTimeout(bump, Math.max(20, delay + 5));
    t.unref?.();
    return () => clearTimeout(t);
  }, [delay, now]);
  return now;
}
