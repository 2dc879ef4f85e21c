import { describe, expect, it } from 'vitest';
import { formatStopPlan, planDown, planStop, type StopProject, type StopUnit } from '../../src/plan/stop.js';

// web → api → (db, cache); worker → db; migrate → db (a completed job).
const svc = (deps: string[], graceS = 10) => ({ depends_on: Object.fromEntries(deps.map((d) => [d, {}])), stopGracePeriodMs: graceS * 1000 });
const shop: StopProject = {
  name: 'shop',
  services: { db: svc([], 30), cache: svc([], 2), api: svc(['db', 'cache']), worker: svc(['db'], 2), migrate: svc(['db']), web: svc(['api'], 1) },
};
const c = (service: string, running = true, n = 1): StopUnit => ({ service, name: `shop-${service}-${n}`, kind: 'container', running });

describe('planStop', () => {
  it('stops dependents first, a level at a time, each with its grace period', () => {
    const plan = planStop(shop, [c('db'), c('cache'), c('api'), c('api', true, 2), c('worker'), c('migrate', false), c('web')]);
    expect(formatStopPlan(plan)).toBe(
      [
        'stop web: shop-web-1 (level 0, grace 1s)',
        'stop api: shop-api-1 (level 1, grace 10s)',
        'stop api: shop-api-2 (level 1, grace 10s)',
        'stop worker: shop-worker-1 (level 1, grace 2s)',
        'stop db: shop-db-1 (level 2, grace 30s)',
        'stop cache: shop-cache-1 (level 2, grace 2s)',
      ].join('\n'),
    );
    expect(plan.levels.map((l) => l.map((s) => s.unit.name))).toEqual([['shop-web-1'], ['shop-api-1', 'shop-api-2', 'shop-worker-1'], ['shop-db-1', 'shop-cache-1']]);
  });

  it('-t overrides every grace period; a service between two selected ones still separates them', () => {
    expect(formatStopPlan(planStop(shop, [c('db'), c('web')], { timeoutMs: 500 }))).toBe(
      ['stop web: shop-web-1 (level 0, grace 500ms)', 'stop db: shop-db-1 (level 1, grace 500ms)'].join('\n'),
    );
  });

  it('host processes take their level beside containers', () => {
    const proc: StopUnit = { service: 'worker', name: 'host process (pid 42)', kind: 'process', running: true };
    expect(formatStopPlan(planStop(shop, [c('db'), proc]))).toBe(
      ['stop worker: host process (pid 42) (level 0, grace 2s)', 'stop db: shop-db-1 (level 1, grace 30s)'].join('\n'),
    );
  });

  it('has nothing to do when nothing runs', () => {
    expect(planStop(shop, [c('db', false)]).levels).toEqual([]);
    expect(formatStopPlan(planStop(shop, []))).toBe('');
  });
});

describe('planDown', () => {
  it('stops then removes each container by level, forgets host processes, then networks', () => {
    const proc: StopUnit = { service: 'api', name: 'host process (pid 7)', kind: 'process', running: false };
    const plan = planDown(shop, [c('db'), c('migrate', false), proc, c('web')]);
    expect(formatStopPlan(plan)).toBe(
      [
        'stop web: shop-web-1 (level 0, grace 1s)',
        'remove web: shop-web-1 (level 0)',
        'forget api: host process (pid 7) (level 1)',
        'remove migrate: shop-migrate-1 (level 1)',
        'stop db: shop-db-1 (level 2, grace 30s)',
        'remove db: shop-db-1 (level 2)',
        'remove networks of project shop',
      ].join('\n'),
    );
  });

  it('keeps orphans unless asked; removes them first when asked; volumes only with -v', () => {
    const old = c('legacy');
    expect(formatStopPlan(planDown(shop, [c('db'), old]))).toBe(
      [
        'stop db: shop-db-1 (level 0, grace 30s)',
        'remove db: shop-db-1 (level 0)',
        'remove networks of project shop',
        'keep orphan shop-legacy-1 (service legacy is not in the project; --remove-orphans removes it)',
      ].join('\n'),
    );
    expect(formatStopPlan(planDown(shop, [c('db'), old], { removeOrphans: true, volumes: true, timeoutMs: 0 }))).toBe(
      [
        'stop legacy: shop-legacy-1 (level 0, grace 0s)',
        'remove legacy: shop-legacy-1 (level 0)',
        'stop db: shop-db-1 (level 1, grace 0s)',
        'remove db: shop-db-1 (level 1)',
        'remove networks of project shop',
        'remove volumes of project shop',
      ].join('\n'),
    );
  });

  it('an orphan without -t gets the default grace period', () => {
    expect(planDown(shop, [c('legacy')], { removeOrphans: true }).levels[0][0].graceMs).toBe(10_000);
  });
});

describe('planDown SERVICE… (compose down web)', () => {
  it('takes the named services and what depends on them, leaves the rest and the network', () => {
    const all = [c('db'), c('cache'), c('api'), c('worker'), c('web')];
    expect(formatStopPlan(planDown(shop, all, { services: ['api'], volumes: true }))).toBe(
      ['stop web: shop-web-1 (level 0, grace 1s)', 'remove web: shop-web-1 (level 0)', 'stop api: shop-api-1 (level 1, grace 10s)', 'remove api: shop-api-1 (level 1)'].join('\n'),
    );
  });
  it('naming everything that runs is a whole down: network (and volumes with -v) go too', () => {
    const plan = planDown(shop, [c('db'), c('web')], { services: ['db', 'web'], volumes: true });
    expect([plan.removeNetworks, plan.removeVolumes]).toEqual([true, true]);
  });
});
