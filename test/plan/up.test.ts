// planUp decides, per service, what `foxdev up` does given what already exists; these tests read
// its stable text form (formatPlan), as compose's reconcile tests read theirs, with no Docker.
import { describe, expect, it } from 'vitest';
import { formatPlan, planUp, type Observed, type UpPlan } from '../../src/plan/up.js';
import { project, type ServiceInput } from '../helpers/project.js';

const nothing = (): Observed => ({ containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] });

const shop: Record<string, ServiceInput> = {
  db: {
    healthcheck: { test: ['CMD', 'pg_isready'], intervalMs: 2000, timeoutMs: 1000, retries: 5, startPeriodMs: 0 },
    volumes: [{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', read_only: false }],
    seed: { kind: 'command', command: ['sh', '-c', 'load'], where: 'container', files: [], dependents: 'none' },
  },
  migrate: { kind: 'job', depends_on: { db: 'service_healthy' } },
  api: {
    build: { context: '/work/demo/api', dockerfile: 'Dockerfile', args: {} },
    environment: { DATABASE_URL: 'postgres://db/shop' },
    depends_on: { migrate: 'service_completed_successfully', db: 'service_healthy' },
  },
  docs: { kind: 'process', run: { command: ['sh', '-c', 'serve docs'], cwd: '/work/demo/docs', env: {} } },
  web: { depends_on: { api: { condition: 'service_started', required: false } } },
};
const ORDER = ['db', 'migrate', 'api', 'docs', 'web'];

/** The plan for a fresh project, used to learn the hashes an unchanged container carries. */
function fresh(p = project(shop)): UpPlan {
  return planUp(p, { ...nothing(), desiredBuildHashes: { api: 'ctx1' }, missingVolumes: ['pgdata'] }, ORDER);
}

/** Observed state where every container exists with the hash the current config gives. */
function upToDate(p = project(shop), running = true): Observed {
  const containers: Observed['containers'] = {};
  for (const s of fresh(p).services) if (s.hash) containers[s.service] = { service: s.service, id: `id-${s.service}`, hash: s.hash, running };
  return { containers, imageBuildHashes: { api: 'ctx1' }, desiredBuildHashes: { api: 'ctx1' }, missingVolumes: [] };
}

describe('planUp', () => {
  it('a fresh project: volumes made, images built, everything created, the new database seeded', () => {
    expect(formatPlan(fresh())).toBe(
      [
        'project demo',
        'volumes create pgdata',
        'db       container create, seed',
        'migrate  job       create  after db:healthy',
        'api      container build, create  after migrate:completed, db:healthy',
        'docs     process   spawn',
        'web      container create  after api:started',
      ].join('\n'),
    );
  });

  it('nothing changed: running containers are reused, the job runs again, the image build is cached', () => {
    expect(formatPlan(planUp(project(shop), upToDate(), ORDER))).toBe(
      [
        'project demo',
        'db       container reuse',
        'migrate  job       start  after db:healthy',
        'api      container build cached, reuse  after migrate:completed, db:healthy',
        'docs     process   spawn',
        'web      container reuse  after api:started',
      ].join('\n'),
    );
  });

  it('stopped containers with unchanged config are started, not recreated', () => {
    const plan = planUp(project(shop), upToDate(project(shop), false), ORDER);
    expect(plan.services.map((s) => `${s.service}:${s.step.action}`)).toEqual(['db:start', 'migrate:start', 'api:start', 'docs:spawn', 'web:start']);
    expect(plan.services.find((s) => s.service === 'db')!.step).toEqual({ action: 'start', id: 'id-db' });
  });

  it('a changed environment variable recreates just that service, naming the container it replaces', () => {
    const before = upToDate();
    const changed = project({ ...shop, web: { ...shop.web, environment: { MODE: 'dark' } } });
    const plan = planUp(changed, before, ORDER);
    expect(plan.services.map((s) => `${s.service}:${s.step.action}`)).toEqual(['db:reuse', 'migrate:start', 'api:reuse', 'docs:spawn', 'web:recreate']);
    expect(plan.services.find((s) => s.service === 'web')!.step).toEqual({ action: 'recreate', because: 'config changed', id: 'id-web' });
    expect(formatPlan(plan)).toContain('web      container recreate (config changed)  after api:started');
  });

  it('a changed build context rebuilds the image and recreates the container that ran the old one', () => {
    const observed = { ...upToDate(), desiredBuildHashes: { api: 'ctx2' } };
    const api = planUp(project(shop), observed, ORDER).services.find((s) => s.service === 'api')!;
    expect(api.build).toBe('build');
    expect(api.step.action).toBe('recreate');
    // An image that is missing altogether is built too.
    const missing = planUp(project(shop), { ...upToDate(), imageBuildHashes: {} }, ORDER).services.find((s) => s.service === 'api')!;
    expect(missing.build).toBe('build');
    expect(missing.step.action).toBe('reuse'); // same context hash: the container is still right
  });

  it('a host process left running by an earlier up -d is adopted with its pid', () => {
    const plan = planUp(project(shop), { ...upToDate(), processes: { docs: 4242 } }, ORDER);
    expect(plan.services.find((s) => s.service === 'docs')!.step).toEqual({ action: 'adopt', pid: 4242 });
    expect(formatPlan(plan)).toContain('docs     process   adopt');
  });

  it('seeds only when the data volume is new; an existing volume keeps its data', () => {
    const kept = planUp(project(shop), { ...nothing(), desiredBuildHashes: { api: 'ctx1' } }, ORDER);
    expect(kept.services.find((s) => s.service === 'db')!.seed).toBe(false);
    expect(kept.volumesToCreate).toEqual([]);
    expect(fresh().services.find((s) => s.service === 'db')!.seed).toBe(true);
    // A new volume without a seed configured is created, nothing is seeded.
    const noSeed = project({ ...shop, db: { ...shop.db, seed: undefined } });
    const plan = planUp(noSeed, { ...nothing(), missingVolumes: ['pgdata'] }, ORDER);
    expect(plan.volumesToCreate).toEqual(['pgdata']);
    expect(plan.services.some((s) => s.seed)).toBe(false);
  });

  it('a partial selection keeps required gates, drops optional ones, and creates only the volumes it uses', () => {
    const p = project({ ...shop, cache: { volumes: [{ type: 'volume', source: 'cachedata', target: '/data', read_only: false }] } });
    const plan = planUp(p, { ...nothing(), missingVolumes: ['pgdata', 'cachedata'] }, ['web']);
    expect(formatPlan(plan)).toBe(['project demo', 'web  container create'].join('\n'));
    const withApi = planUp(p, { ...nothing(), missingVolumes: ['pgdata', 'cachedata'] }, ['db', 'migrate', 'api', 'web']);
    expect(withApi.volumesToCreate).toEqual(['pgdata']);
    expect(withApi.services.find((s) => s.service === 'web')!.gates).toEqual([{ service: 'api', condition: 'service_started', required: false, restart: false }]);
  });

  it('plans carry the config hash the created container will be labelled with', () => {
    const plan = fresh();
    expect(plan.services.find((s) => s.service === 'db')!.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(plan.services.find((s) => s.service === 'docs')!.hash).toBeUndefined();
  });
});

describe('planUp: depends_on restart: true (compose TestRestartWithDependencies)', () => {
  const stack: Record<string, ServiceInput> = {
    nginx: { labels: { TEST: 'test' } },
    'with-restart': { depends_on: { nginx: { condition: 'service_healthy', restart: true } } },
    'no-restart': { depends_on: { nginx: 'service_healthy' } },
  };
  const order = ['nginx', 'with-restart', 'no-restart'];
  const running = (p: ReturnType<typeof project>): Observed => {
    const containers: Observed['containers'] = {};
    for (const s of planUp(p, nothing(), order).services) containers[s.service] = { service: s.service, id: `id-${s.service}`, hash: s.hash!, running: true };
    return { ...nothing(), containers };
  };
  it('a recreated dependency restarts its restart: true dependents (stopped first, started after); the others are reused', () => {
    const before = running(project(stack));
    const changed = project({ ...stack, nginx: { labels: { TEST: 'recreate' } } });
    const plan = planUp(changed, before, order);
    expect(plan.services.find((s) => s.service === 'with-restart')!.step).toEqual({ action: 'start', id: 'id-with-restart', restart: 'nginx is recreated, depends_on restart: true' });
    expect(formatPlan(plan)).toContain('with-restart  container restart (nginx is recreated, depends_on restart: true)  after nginx:healthy');
    expect(plan.services.find((s) => s.service === 'no-restart')!.step.action).toBe('reuse');
  });
  it('nothing recreated: everything is reused', () => {
    const p = project(stack);
    expect(planUp(p, running(p), order).services.map((s) => s.step.action)).toEqual(['reuse', 'reuse', 'reuse']);
  });
});

describe('planUp: one container_name for two services (compose TestUpContainerNameConflict)', () => {
  const both = project({ test: { extra: { container_name: 'p-fixed' } }, another_test: { extra: { container_name: 'p-fixed' } } });
  it('both selected: refused, naming the name and the other service', () => {
    expect(() => planUp(both, nothing(), ['test', 'another_test'])).toThrow('services.another_test: container name "p-fixed" is already in use by service test');
  });
  it('each alone runs', () => {
    expect(planUp(both, nothing(), ['test']).services.map((s) => s.service)).toEqual(['test']);
    expect(planUp(both, nothing(), ['another_test']).services.map((s) => s.service)).toEqual(['another_test']);
  });
});

describe('a donor of volumes or a namespace left out of the selection', () => {
  const p = project({ db: {}, app: { extra: { volumes_from: ['db:ro'] } }, net: { extra: { network_mode: 'service:db' } }, ext: { extra: { volumes_from: ['container:other'], ipc: 'shareable' } } });
  it('is compose\'s error when its container is gone (up --no-deps)', () => {
    expect(() => planUp(p, nothing(), ['app'])).toThrow('cannot share volume with service db: container missing');
    expect(() => planUp(p, nothing(), ['net'])).toThrow('cannot share network namespace with service db: container missing');
  });
  it('is fine when its container exists, or it is planned too; a container: reference is not checked', () => {
    const db = { ...nothing(), containers: { db: { service: 'db', id: 'c1', hash: 'h', running: false } } };
    expect(() => planUp(p, db, ['app', 'net'])).not.toThrow();
    expect(() => planUp(p, nothing(), ['db', 'app', 'net'])).not.toThrow();
    expect(() => planUp(p, nothing(), ['ext'])).not.toThrow();
  });
});
