// Uptimes and countdowns need the screen redrawn once a second even when nothing happens. The
// time itself is read on every render (so a frame caused by a store update is never stale); the
// timer only forces that render. A second is the finest unit shown, so ticking faster only
// burns CPU.

import { useEffect, useReducer } from 'react';

export function useNow(clock: () => number, tickMs: number): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (tickMs <= 0) return;
    const t = setInterval(tick, tickMs);
    t.unref?.();
    return () => clearInterval(t);
  }, [tickMs]);
  return clock();
}
