// The restart and rebuild plans as text: what runs, in which order, and why.
import { describe, expect, it } from 'vitest';
import { formatRebuildPlan, planRebuild } from '../../src/plan/rebuild.js';
import { formatRestartPlan, planRestart } from '../../src/plan/restart.js';
import { project } from '../helpers/project.js';

const p = () =>
  project({
    db: {},
    api: { depends_on: { db: 'service_healthy' }, build: { context: '/work/demo/api', dockerfile: 'Dockerfile', args: {} }, sync: [] },
    worker: { depends_on: { api: { condition: 'service_started', restart: true } } },
    web: { depends_on: { api: 'service_started' } },
  });
const units = (names: string[], service = (n: string) => n.replace(/-\d+$/, '')) => names.map((name) => ({ name, service: service(name), running: true }));

describe('planRestart', () => {
  it('restarts the named service at once and its restart: true dependents after it is ready', () => {
    const plan = planRestart(p(), ['api'], units(['db', 'api', 'worker', 'web']));
    expect(formatRestartPlan(plan)).toBe(
      ['restart api (restart requested)', 'restart worker (depends on api with restart: true; after api is ready)'].join('\n'),
    );
  });

  it('a service stands for all its replicas; one replica alone is one unit', () => {
    const all = units(['db', 'api-1', 'api-2', 'worker']);
    expect(formatRestartPlan(planRestart(p(), ['api'], all)).split('\n')).toEqual([
      'restart api-1 (restart requested)',
      'restart api-2 (restart requested)',
      'restart worker (depends on api with restart: true; after api-1, api-2 are ready)',
    ]);
    expect(planRestart(p(), ['api-2'], all).ops.map((o) => o.unit)).toEqual(['api-2', 'worker']);
  });

  it('a unit that is not running is skipped with the reason; an unknown name is one clear error', () => {
    const u = units(['db', 'api']);
    u[1].running = false;
    expect(formatRestartPlan(planRestart(p(), ['api'], u))).toBe('skip api (not running)');
    expect(() => planRestart(p(), ['nope'], u)).toThrow('nope is not running in this session');
  });
});

describe('planRebuild', () => {
  it('builds once, recreates each replica, restarts the restart: true dependents', () => {
    const plan = planRebuild(p(), 'api', ['api-1', 'api-2'], 'src/app.ts changed', [
      { unit: 'worker', service: 'worker' },
      { unit: 'web', service: 'web' },
    ]);
    expect(formatRebuildPlan(plan)).toBe(
      [
        'build api (src/app.ts changed)',
        'recreate api-1 (its image was rebuilt)',
        'recreate api-2 (its image was rebuilt)',
        'restart worker (depends on api with restart: true; after api is ready)',
      ].join('\n'),
    );
  });

  it('a synced service catches up into the new container', () => {
    const q = p();
    q.services.api.sync = [{ action: 'sync', path: '/work/demo/api/src', target: '/app/src', ignore: [] } as never];
    expect(formatRebuildPlan(planRebuild(q, 'api', ['api'], 'rebuild requested'))).toContain('sync-catch-up api (a new container starts from the image, not from the host files)');
  });

  it('refuses a service without a build section, and one not in the session', () => {
    expect(() => planRebuild(p(), 'db', ['db'], 'x')).toThrow('db has no build section; nothing to rebuild');
    expect(() => planRebuild(p(), 'api', [], 'x')).toThrow('api is not part of this session');
  });
});
