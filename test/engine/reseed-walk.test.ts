// The reseed walker against recording actions: order, a failed job keeping its dependents
// stopped, a failed reset bringing everything back and running no job.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { planReseed } from '../../src/plan/reseed.js';
import { describeOutcome, ReseedJobFailed, walkReseed, type ReseedActions } from '../../src/engine/seed/reseed-walk.js';
import { project } from '../helpers/project.js';

const seed: ResolvedSeed = { kind: 'postgres', database: 'shop', user: 'shop', files: ['/work/demo/a.sql'], reset: 'recreate', dependents: 'restart' };
const example = project({
  db: { seed },
  migrate: { kind: 'job', depends_on: { db: 'service_seeded' } },
  api: { depends_on: { db: 'service_healthy', migrate: 'service_completed_successfully' } },
  worker: { depends_on: { migrate: 'service_completed_successfully' } },
  other: { depends_on: { db: 'service_healthy' } },
});
const plan = () => planReseed(example, ['db'], { known: { db: 'running', migrate: 'exited', api: 'running', worker: 'running', other: 'running' } }, 'test');

function recorder(fail: Partial<Record<string, Error>> = {}) {
  const log: string[] = [];
  const act = (verb: string) => async (s: string) => {
    log.push(`${verb} ${s}`);
    const e = fail[`${verb} ${s}`];
    if (e) throw e;
  };
  const actions: ReseedActions = {
    stop: act('stop'),
    pause: act('pause'),
    reseed: act('reseed'),
    runJob: act('run-job'),
    restart: act('restart'),
    resume: act('resume'),
    skipped: (op, why) => log.push(`skipped ${op.op} ${op.service}: ${why}`),
  };
  return { log, actions };
}

describe('walkReseed', () => {
  it('re-runs migrate, then restarts api, worker and other once each, in order', async () => {
    const { log, actions } = recorder();
    const out = await walkReseed(plan(), actions);
    expect(out.ok).toBe(true);
    expect(log).toEqual(['stop other', 'stop worker', 'stop api', 'reseed db', 'run-job migrate', 'restart api', 'restart worker', 'restart other']);
  });

  it('a failed job: its dependents stay stopped (with the reason), the others come back', async () => {
    const { log, actions } = recorder({ 'run-job migrate': new ReseedJobFailed('exited with code 3', ['ERROR: relation "products" does not exist']) });
    const out = await walkReseed(plan(), actions);
    expect(out.ok).toBe(false);
    expect(out.failed?.op.service).toBe('migrate');
    expect(log.slice(4)).toEqual([
      'run-job migrate',
      'skipped restart api: not done: migrate failed',
      'skipped restart worker: not done: migrate failed',
      'restart other',
    ]);
    expect(describeOutcome(out)).toEqual([
      'run-job migrate failed: exited with code 3',
      '--- last lines of migrate ---',
      'ERROR: relation "products" does not exist',
      'api stays stopped (not done: migrate failed)',
      'worker stays stopped (not done: migrate failed)',
    ]);
  });

  it('a failed reset: no job runs, everything brought down comes back, dependencies first', async () => {
    const { log, actions } = recorder({ 'reseed db': new Error('02-rows.sql:3: syntax error') });
    const out = await walkReseed(plan(), actions);
    expect(out.ok).toBe(false);
    expect(out.failed?.reason).toBe('02-rows.sql:3: syntax error');
    expect(log).toEqual([
      'stop other',
      'stop worker',
      'stop api',
      'reseed db',
      'restart api',
      'restart worker',
      'restart other',
      'skipped run-job migrate: not done: the reset of db failed',
    ]);
  });
});
