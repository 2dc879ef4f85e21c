// A store that mirrors a running session, for clients that show it (`foxdev attach`): the state
// snapshot first, then every action the session applies, through the same reducer the session
// uses, so both show the same thing. Subscribed before the snapshot is asked for, so nothing that
// happens in between is missed (an action already in the snapshot may arrive once more: its
// effect on phases is the same; a log batch could repeat, which a reader can tell apart).
import { createStore, initialState, type LogBuffer, type State, type Store } from '../store/index.js';
import type { Action } from '../store/actions.js';
import type { SessionClient } from './client.js';
import type { StateSnapshot } from './protocol.js';

export function stateFromSnapshot(snap: StateSnapshot, logBufferLines?: number): State {
  const base = initialState(logBufferLines ? { logBufferLines } : {});
  const logs: Record<string, LogBuffer> = {};
  let nextSeq = base.nextSeq;
  for (const [name, lines] of Object.entries(snap.logs)) {
    logs[name] = { backing: lines.slice(), start: 0, end: lines.length, capacity: base.config.logBufferLines, dropped: 0 };
    for (const l of lines) nextSeq = Math.max(nextSeq, l.seq + 1);
  }
  return { ...base, project: snap.project, order: snap.order, services: snap.services, logs, nextSeq };
}

export async function mirrorSession(client: SessionClient, logBufferLines?: number): Promise<Store> {
  const early: Action[] = [];
  let store: Store | undefined;
  await client.subscribe((a) => (store ? store.dispatch(a) : early.push(a)));
  const snap = await client.state();
  store = createStore(stateFromSnapshot(snap, logBufferLines));
  // Actions that came after the subscription but before the snapshot's reply: phases and health
  // are already in it; only log lines newer than the snapshot's are applied again.
  const last = Math.max(0, ...Object.values(snap.logs).flatMap((ls) => ls.map((l) => l.at)));
  for (const a of early) {
    if (a.type === 'logs') {
      const entries = a.entries.filter((e) => e.at > last);
      if (entries.length) store.dispatch({ ...a, entries });
    } else if (a.type !== 'log' || a.at > last) store.dispatch(a);
  }
  return store;
}
