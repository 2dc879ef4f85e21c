import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/store/index.js';
import { criticalPath, spanStart, timelineReducer, type Timeline } from '../../src/web/timeline.js';

const phase = (service: string, p: string, at: number): Action => ({ type: 'service/phase', service, phase: p as never, at });
const fold = (as: Action[]) => as.reduce<Timeline>(timelineReducer, {});

describe('the startup timeline', () => {
  it('keeps the first time a service began, started and became ready', () => {
    const t = fold([phase('db', 'creating', 10), phase('db', 'starting', 20), phase('db', 'waiting', 25), phase('db', 'ready', 40), phase('db', 'stopping', 50), phase('db', 'starting', 60), phase('db', 'ready', 70)]);
    expect(t.db).toEqual({ created: 10, started: 20, ready: 40 });
    expect(fold([phase('api', 'building', 1), phase('api', 'creating', 5), { type: 'service/started', service: 'api', at: 7 }, phase('api', 'running', 8)]).api).toEqual({ building: 1, created: 5, started: 7 });
    expect(fold([phase('job', 'creating', 1), phase('job', 'completed', 9)]).job).toEqual({ created: 1, ready: 9 });
    expect(spanStart({ building: 1, created: 5 })).toBe(1);
    expect(spanStart({ started: 3 })).toBe(3);
  });

  it('returns the same timeline for actions that change nothing', () => {
    const t = fold([phase('db', 'ready', 1)]);
    expect(timelineReducer(t, phase('db', 'ready', 2))).toBe(t);
    expect(timelineReducer(t, { type: 'log', service: 'db', stream: 'stdout', line: 'x', at: 3 })).toBe(t);
  });

  it('walks the critical path back from the last service ready through the dependency ready last', () => {
    const services = [
      { name: 'db', dependsOn: [] },
      { name: 'cache', dependsOn: [] },
      { name: 'api', dependsOn: ['db', 'cache'] },
      { name: 'web', dependsOn: ['api'] },
      { name: 'docs', dependsOn: [] },
    ];
    const t = fold([phase('cache', 'ready', 5), phase('db', 'ready', 30), phase('docs', 'ready', 12), phase('api', 'ready', 40), phase('web', 'ready', 45)]);
    expect(criticalPath(t, services)).toEqual(['db', 'api', 'web']);
    expect(criticalPath(fold([phase('docs', 'ready', 1)]), services)).toEqual(['docs']);
    expect(criticalPath({}, services)).toEqual([]);
    // A dependency cycle in the data cannot loop forever.
    expect(criticalPath(fold([phase('a', 'ready', 1), phase('b', 'ready', 2)]), [{ name: 'a', dependsOn: ['b'] }, { name: 'b', dependsOn: ['a'] }])).toEqual(['a', 'b']);
  });
});
