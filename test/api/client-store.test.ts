// A client's mirror of the session's State: from the snapshot, the same reducer keeps it equal.
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/api/protocol.js';
import { stateFromSnapshot } from '../../src/api/client-store.js';
import { initialState, reducer as reduce, type State } from '../../src/store/index.js';
import type { Action } from '../../src/store/actions.js';

const loaded: Action = {
  type: 'project/loaded',
  project: { name: 'shop', services: [{ name: 'db', kind: 'container', ports: [], dependsOn: [], hasSync: false, hasSeed: true }] },
};

describe('stateFromSnapshot', () => {
  it('gives the session state back, and the same actions keep both equal', () => {
    let session: State = [loaded, { type: 'service/phase', service: 'db', phase: 'running', at: 5 } as Action, { type: 'log', service: 'db', stream: 'stdout', line: 'ready to accept connections', at: 6 } as Action].reduce(reduce, initialState());
    let mirror = stateFromSnapshot(snapshotOf(session));
    expect(mirror.services).toEqual(session.services);
    expect(mirror.nextSeq).toBe(session.nextSeq);
    const more: Action[] = [{ type: 'service/phase', service: 'db', phase: 'ready', at: 7 } as Action, { type: 'log', service: 'db', stream: 'stdout', line: 'second', at: 8 } as Action];
    session = more.reduce(reduce, session);
    mirror = more.reduce(reduce, mirror);
    expect(mirror.services).toEqual(session.services);
    expect(snapshotOf(mirror).logs).toEqual(snapshotOf(session).logs);
  });
});
