// The reseed plan as text: what `s` in the dashboard and `foxdev seed` do, in order, with causes.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { FoxdevError } from '../../src/errors.js';
import { formatReseedPlan, planReseed } from '../../src/plan/reseed.js';
import { project, type ServiceInput } from '../helpers/project.js';

const seed = (dependents: ResolvedSeed['dependents'] = 'restart'): ResolvedSeed => ({
  kind: 'postgres',
  database: 'shop',
  user: 'shop',
  files: ['/work/demo/db/a.sql'],
  reset: 'recreate',
  dependents,
});
const job = (depends_on: ServiceInput['depends_on']): ServiceInput => ({ kind: 'job', depends_on });
const allRunning = (names: string[], jobs: string[] = []) => ({
  known: Object.fromEntries([...names.map((n) => [n, 'running']), ...jobs.map((j) => [j, 'exited'])]),
});

/** The bundled example's shape: db → migrate (job) → api, worker; web on api; docs a host process. */
const example = (dependents: ResolvedSeed['dependents'] = 'restart') =>
  project({
    db: { seed: seed(dependents) },
    migrate: job({ db: 'service_seeded' }),
    api: { depends_on: { db: 'service_healthy', migrate: 'service_completed_successfully' } },
    worker: { depends_on: { db: 'service_healthy', migrate: 'service_completed_successfully' } },
    web: { depends_on: { api: 'service_ready' } },
    docs: { kind: 'process', run: { command: ['node', 'serve.mjs'], cwd: '/work/demo', env: {} } },
  });
const exampleState = allRunning(['db', 'api', 'worker', 'web', 'docs'], ['migrate']);

const text = (p: ReturnType<typeof project>, targets: string[], state = exampleState, cause = 'foxdev seed') =>
  formatReseedPlan(planReseed(p, targets, state, cause));

describe('planReseed', () => {
  it('the example: stop api and worker, reseed, re-run migrate, restart them once each, dependencies first', () => {
    expect(text(example(), ['db'])).toBe(
      [
        'stop worker (db dependents: restart)',
        'stop api (db dependents: restart)',
        'reseed db (foxdev seed)',
        'run-job migrate (depends on db: service_seeded)',
        'restart api (depends on db, migrate)',
        'restart worker (depends on db, migrate)',
      ].join('\n'),
    );
  });

  it('gates each restart on the re-run job and undoes a stop if the reset fails', () => {
    const plan = planReseed(example(), ['db'], exampleState, 'dashboard s');
    const api = plan.ops.filter((o) => o.service === 'api');
    expect(api.map((o) => o.op)).toEqual(['stop', 'restart']);
    expect(api[1].after).toEqual(['db', 'migrate']);
    expect(api[0].undo).toMatchObject({ op: 'restart', service: 'api', after: [] });
    expect(plan.ops.find((o) => o.op === 'run-job')!.after).toEqual(['db']);
    expect(plan.ops.every((o) => o.by.join() === 'db')).toBe(true);
  });

  it('a chain of two jobs runs in dependency order; a service on the second waits for it', () => {
    const p = project({
      db: { seed: seed() },
      migrate: job({ db: 'service_seeded' }),
      fixtures: job({ migrate: 'service_completed_successfully' }),
      api: { depends_on: { fixtures: 'service_completed_successfully' } },
    });
    expect(text(p, ['db'], allRunning(['db', 'api'], ['migrate', 'fixtures']))).toBe(
      [
        'stop api (db dependents: restart)',
        'reseed db (foxdev seed)',
        'run-job migrate (depends on db: service_seeded)',
        'run-job fixtures (depends on migrate: service_completed_successfully)',
        'restart api (depends on fixtures)',
      ].join('\n'),
    );
  });

  it('a diamond: each job runs once, each dependent is restarted once', () => {
    const p = project({
      db: { seed: seed() },
      schema: job({ db: 'service_seeded' }),
      users: job({ db: 'service_seeded' }),
      grants: job({ schema: 'service_completed_successfully', users: 'service_completed_successfully' }),
      api: { depends_on: { schema: 'service_completed_successfully', users: 'service_completed_successfully', db: 'service_healthy' } },
      worker: { depends_on: { grants: 'service_completed_successfully', api: 'service_started' } },
    });
    const out = text(p, ['db'], allRunning(['db', 'api', 'worker'], ['schema', 'users', 'grants']));
    expect(out).toBe(
      [
        'stop worker (db dependents: restart)',
        'stop api (db dependents: restart)',
        'reseed db (foxdev seed)',
        'run-job schema (depends on db: service_seeded)',
        'run-job users (depends on db: service_seeded)',
        'run-job grants (depends on schema: service_completed_successfully, users: service_completed_successfully)',
        'restart api (depends on schema, users, db)',
        'restart worker (depends on grants, api)',
      ].join('\n'),
    );
  });

  it('dependents: none re-runs the jobs and touches no running service', () => {
    expect(text(example('none'), ['db'])).toBe(['reseed db (foxdev seed)', 'run-job migrate (depends on db: service_seeded)'].join('\n'));
  });

  it('dependents: pause pauses around the reset and resumes after the job', () => {
    expect(text(example('pause'), ['db'], exampleState, 'dashboard s')).toBe(
      [
        'pause worker (db dependents: pause)',
        'pause api (db dependents: pause)',
        'reseed db (dashboard s)',
        'run-job migrate (depends on db: service_seeded)',
        'resume api (depends on db, migrate)',
        'resume worker (depends on db, migrate)',
      ].join('\n'),
    );
  });

  it('leaves alone what does not use the data: web (on api), a host process, a service that is not running, an unknown job', () => {
    const p = example();
    p.services.cache = { ...p.services.web, name: 'cache', depends_on: {} };
    p.services.report = { ...p.services.migrate, name: 'report' };
    const out = text(p, ['db'], allRunning(['db', 'api', 'web', 'docs', 'cache'], ['migrate']));
    expect(out).not.toMatch(/web|docs|cache|worker|report/);
    expect(out).toBe(
      ['stop api (db dependents: restart)', 'reseed db (foxdev seed)', 'run-job migrate (depends on db: service_seeded)', 'restart api (depends on db, migrate)'].join('\n'),
    );
  });

  it('restart: true on a restarted service brings that one along, after it', () => {
    const p = example();
    p.services.web.depends_on.api.restart = true;
    expect(text(p, ['db'])).toBe(
      [
        'stop web (restart: true on api)',
        'stop worker (db dependents: restart)',
        'stop api (db dependents: restart)',
        'reseed db (foxdev seed)',
        'run-job migrate (depends on db: service_seeded)',
        'restart api (depends on db, migrate)',
        'restart worker (depends on db, migrate)',
        'restart web (depends on api, restart: true)',
      ].join('\n'),
    );
  });

  it('two databases: each reset once, a service on both takes the stronger policy', () => {
    const p = project({
      db: { seed: seed('pause') },
      cache: { seed: seed('restart') },
      api: { depends_on: { db: 'service_healthy', cache: 'service_healthy' } },
      reports: { depends_on: { db: 'service_healthy' } },
    });
    expect(text(p, ['cache', 'db'], allRunning(['db', 'cache', 'api', 'reports']))).toBe(
      [
        'pause reports (db dependents: pause)',
        'stop api (db, cache dependents: restart)',
        'reseed db (foxdev seed)',
        'reseed cache (foxdev seed)',
        'restart api (depends on db, cache)',
        'resume reports (depends on db)',
      ].join('\n'),
    );
  });

  it('refuses a target without a seed, naming it', () => {
    expect(() => planReseed(example(), ['api'], exampleState, 'x')).toThrow(FoxdevError);
    expect(() => planReseed(example(), ['api'], exampleState, 'x')).toThrow('api declares no seed');
  });
});
