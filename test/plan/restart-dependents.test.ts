// `foxdev restart x` takes along what depends on x with restart: true, transitively, in order.
import { describe, expect, it } from 'vitest';
import { withRestartDependents } from '../../src/plan/restart-dependents.js';
import { project } from '../helpers/project.js';

describe('withRestartDependents', () => {
  const p = project({
    db: {},
    api: { depends_on: { db: { restart: true } } },
    web: { depends_on: { api: { restart: true } } },
    worker: { depends_on: { db: 'service_started' } },
  });

  it('adds restart: true dependents transitively, dependencies first', () => {
    const r = withRestartDependents(p, ['db']);
    expect(r.all).toEqual(['db', 'api', 'web']);
    expect([...r.added]).toEqual(['api', 'web']);
  });

  it('leaves the others alone and keeps unknown names for the caller to report', () => {
    expect(withRestartDependents(p, ['worker']).all).toEqual(['worker']);
    expect(withRestartDependents(p, ['nope', 'api']).all).toEqual(['nope', 'api', 'web']);
  });
});
