// React glue: the live state as an external store, and a clock that ticks once a second.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Live } from './live.js';

export function useLiveState(live: Live) {
  const state = useSyncExternalStore(live.subscribe, live.getState);
  const connection = useSyncExternalStore(live.subscribe, live.getConnection);
  const timeline = useSyncExternalStore(live.subscribe, live.getTimeline);
  const stats = useSyncExternalStore(live.subscribe, live.getStats);
  return { state, connection, timeline, stats };
}

export function useNow(ms = 1000, skew = 0): number {
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now() + skew), ms);
    return () => clearInterval(t);
  }, [ms, skew]);
  return now;
}
