// The page's copy of the session's State: built from the stream's snapshot, then advanced by the
// session's own actions through the SAME reducer the terminal dashboard's store runs, so both
// views show the same thing. Views read it as an external store (useSyncExternalStore); they are
// told at most once per animation frame however many actions arrive. EventSource reconnects by
// itself after a drop; each reconnect starts again from a fresh snapshot.
import { reducer, type Action, type State } from '../../src/store/index.js';
import { stateFrom } from '../../src/web/snapshot.js';
import { timelineReducer, type Timeline } from '../../src/web/timeline.js';
import type { StatsSample, WebSnapshot } from '../../src/web/wire.js';

export type Connection = 'connecting' | 'live' | 'lost';

export interface Live {
  getState(): State | null;
  getConnection(): Connection;
  /** The startup timeline, folded from the same actions (src/web/timeline.ts). */
  getTimeline(): Timeline;
  /** The latest resource sample (CPU, memory per container), when the session sends them. */
  getStats(): StatsSample | null;
  subscribe(listener: () => void): () => void;
  /** Milliseconds to add to Date.now() to get the session's clock. */
  clockSkew(): number;
  close(): void;
}

export function connectLive(url = '/api/events'): Live {
  let state: State | null = null;
  let connection: Connection = 'connecting';
  let skew = 0;
  let timeline: Timeline = {};
  let stats: StatsSample | null = null;
  const listeners = new Set<() => void>();
  let frame = 0;
  const notify = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const l of [...listeners]) l();
    });
  };
  const source = new EventSource(url);
  source.addEventListener('snapshot', (e) => {
    const snap = JSON.parse((e as MessageEvent<string>).data) as WebSnapshot;
    skew = snap.at - Date.now();
    state = stateFrom(snap);
    timeline = snap.timeline ?? {};
    connection = 'live';
    notify();
  });
  source.addEventListener('actions', (e) => {
    if (!state) return;
    const batch = JSON.parse((e as MessageEvent<string>).data) as Action[];
    let s = state;
    let t = timeline;
    for (const a of batch) {
      s = reducer(s, a);
      t = timelineReducer(t, a);
    }
    state = s;
    timeline = t;
    notify();
  });
  source.addEventListener('stats', (e) => {
    stats = JSON.parse((e as MessageEvent<string>).data) as StatsSample;
    notify();
  });
  source.addEventListener('error', () => {
    connection = source.readyState === EventSource.CLOSED ? 'lost' : 'connecting';
    notify();
  });
  return {
    getState: () => state,
    getConnection: () => connection,
    getTimeline: () => timeline,
    getStats: () => stats,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    clockSkew: () => skew,
    close: () => source.close(),
  };
}
