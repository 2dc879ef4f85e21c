// Which services `foxdev seed` may touch, and which dependents it pauses or restarts. PURE.
import { describe, expect, it } from 'vitest';
import type { Project, ResolvedSeed, Service } from '../../src/config/project.js';
import { FoxdevError } from '../../src/errors.js';
import { dependentsAround } from '../../src/plan/seed-dependents.js';
import { selectSeedServices } from '../../src/plan/seed-select.js';
import { baseService } from '../helpers/project.js';

const svc = baseService;
const seed = (dependents: ResolvedSeed['dependents']): ResolvedSeed => ({
  kind: 'postgres',
  database: 'shop',
  user: 'shop',
  files: ['/p/db/a.sql'],
  reset: 'recreate',
  dependents,
});
const dep = { condition: 'service_healthy' as const, required: true, restart: false };
const project = (dependents: ResolvedSeed['dependents']): Project => ({
  name: 'shop',
  dir: '/p',
  files: ['/p/foxdev.config.ts'],
  services: {
    db: svc('db', { seed: seed(dependents) }),
    cache: svc('cache', { seed: { kind: 'command', command: ['x'], where: 'container', files: [], dependents: 'none' } }),
    api: svc('api', { depends_on: { db: dep }, stopGracePeriodMs: 1000 }),
    worker: svc('worker', { depends_on: { db: dep, cache: dep } }),
    web: svc('web', { depends_on: { api: dep } }),
    tool: svc('tool', { kind: 'process', depends_on: { db: dep } }),
  },
  volumes: {},
  networks: {},
  profiles: [],
  logBuffer: 5000,
});

describe('selectSeedServices', () => {
  it('defaults to every service with a seed', () => {
    expect(selectSeedServices(project('none'), [])).toEqual(['cache', 'db']);
  });
  it('refuses a service without a seed (a usage error) and an unknown one (not-found: compose exits 1)', () => {
    for (const [name, msg, kind] of [['api', /declares no seed/, 'usage'], ['nope', /no such service: nope/, 'not-found']] as const) {
      let err: unknown;
      try {
        selectSeedServices(project('none'), [name]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FoxdevError);
      expect((err as FoxdevError).kind).toBe(kind);
      expect((err as FoxdevError).message).toMatch(msg);
      expect((err as FoxdevError).hint).toBe('services with a seed: cache, db');
    }
  });
});

describe('dependentsAround', () => {
  it('lists direct container dependents with their stop grace periods', () => {
    expect(dependentsAround(project('restart'), 'db')).toEqual({ action: 'restart', services: ['api', 'worker'], stopGraceMs: { api: 1000, worker: 10_000 } });
    expect(dependentsAround(project('pause'), 'db')?.action).toBe('pause');
  });
  it('does nothing when the seed says none or nobody depends on it', () => {
    expect(dependentsAround(project('none'), 'db')).toBeUndefined();
    expect(dependentsAround(project('restart'), 'api')).toBeUndefined();
  });
});
