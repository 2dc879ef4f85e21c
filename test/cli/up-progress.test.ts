import { describe, expect, it } from 'vitest';
import { composeProgressLines } from '../../src/cli/up-progress.js';
import { createStore } from '../../src/store/index.js';
import type { Action } from '../../src/store/actions.js';
import { REATTACHED, RECREATING } from '../../src/store/types.js';

const names: Record<string, string> = { db: 'p-db-1', app: 'p-app-1' };

function run(actions: Action[]): string[] {
  const store = createStore();
  const out: string[] = [];
  const off = composeProgressLines(store, (u) => names[u], (s) => out.push(s.trimEnd()));
  const svc = (name: string) => ({ name, kind: 'container' as const, ports: [], dependsOn: [], hasSync: false, hasSeed: false });
  store.dispatch({ type: 'project/loaded', project: { name: 'p', services: ['db', 'app', 'worker'].map(svc) } });
  for (const a of actions) store.dispatch(a);
  off();
  return out;
}
const phase = (service: string, p: string, extra: object = {}): Action => ({ type: 'service/phase', service, phase: p, at: 1, ...extra }) as Action;

describe("compose's progress lines from the session's actions", () => {
  it('a fresh up: Creating, Created, Starting, Started; the waited-for dependency Waiting then Healthy', () => {
    expect(
      run([
        phase('app', 'waiting', { reason: 'waiting for db: healthy' }),
        phase('db', 'creating'),
        phase('db', 'starting'),
        phase('db', 'running'),
        { type: 'service/health', service: 'db', health: 'healthy', at: 2 },
        phase('db', 'ready'),
        phase('app', 'creating'),
        phase('app', 'starting'),
        phase('app', 'ready'),
      ]),
    ).toEqual([
      'Container p-db-1 Creating',
      'Container p-db-1 Created',
      'Container p-db-1 Starting',
      'Container p-db-1 Started',
      'Container p-db-1 Waiting',
      'Container p-db-1 Healthy',
      'Container p-app-1 Creating',
      'Container p-app-1 Created',
      'Container p-app-1 Starting',
      'Container p-app-1 Started',
    ]);
  });
  it('an unchanged running container is Running; a stop is Stopping, Stopped; a job that ends is Exited; a host process says nothing', () => {
    expect(
      run([
        phase('db', 'starting', { reason: REATTACHED }),
        phase('db', 'ready'),
        phase('app', 'starting'),
        phase('app', 'running'),
        phase('app', 'completed', { exitCode: 0 }),
        phase('worker', 'starting'),
        phase('db', 'stopping'),
        phase('db', 'stopped'),
      ]),
    ).toEqual(['Container p-db-1 Running', 'Container p-app-1 Starting', 'Container p-app-1 Started', 'Container p-app-1 Exited', 'Container p-app-1 Stopped', 'Container p-db-1 Stopping', 'Container p-db-1 Stopped']);
  });
  it('a container that replaces an outdated one: Recreate, Recreated, Starting, Started', () => {
    expect(run([phase('db', 'creating', { reason: RECREATING }), phase('db', 'starting'), phase('db', 'running')])).toEqual([
      'Container p-db-1 Recreate',
      'Container p-db-1 Recreated',
      'Container p-db-1 Starting',
      'Container p-db-1 Started',
    ]);
  });
  it('when the stack goes down, a container that had exited by itself is reported Stopped too (compose TestUpStopWithLogsMixed)', () => {
    expect(
      run([
        phase('db', 'starting'),
        phase('db', 'running'),
        phase('app', 'starting'),
        phase('app', 'running'),
        phase('app', 'exited', { exitCode: 0 }),
        phase('db', 'stopping'),
        phase('db', 'stopped'),
      ]),
    ).toEqual([
      'Container p-db-1 Starting',
      'Container p-db-1 Started',
      'Container p-app-1 Starting',
      'Container p-app-1 Started',
      'Container p-app-1 Exited',
      'Container p-app-1 Stopped',
      'Container p-db-1 Stopping',
      'Container p-db-1 Stopped',
    ]);
  });
});
