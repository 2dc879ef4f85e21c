// Uptimes, "synced 12s ago" and crash-loop countdowns need the screen redrawn as time passes,
// but only when one of them would read differently: `nextChange` says when that is (null: never).
// The time itself is read on every render, so a frame caused by a store update is never stale.
//
// Clock redraws are at least MIN_TICK_MS apart. Each service's times change at their own instant
// within a second (services start at different moments), so waking for every change redrew the
// whole screen once per service per second: ~5.5 frames a second for the idle example (6
// services), the larger part of its idle CPU. A redraw shows every time that changed since the
// last one, so a shown time is at most a second late.

import { useEffect, useReducer, useRef } from 'react';

const MIN_TICK_MS = 1000;

export function useNow(clock: () => number, nextChange: (now: number) => number | null, enabled: boolean): number {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const lastTick = useRef(Number.NEGATIVE_INFINITY);
  const now = clock();
  const change = enabled ? nextChange(now) : null;
  const delay = change === null ? null : Math.max(change, lastTick.current + MIN_TICK_MS - now);
  useEffect(() => {
    if (delay === null) return;
    // A little late rather than early: firing just before the boundary would redraw for nothing.
    const t = setTimeout(
      () => {
        lastTick.current = clock();
        bump();
      },
      Math.max(20, delay + 5),
    );
    t.unref?.();
    return () => clearTimeout(t);
  }, [delay, now, clock]);
  return now;
}
