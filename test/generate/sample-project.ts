// Project objects built by hand, the shape config/ resolves to, so the generators are tested
// without the config loader. `sampleProject()` is the example the snapshots are taken of.
import type { Project, Service } from '../../src/config/project.js';
import { baseService } from '../helpers/project.js';

const timing = { intervalMs: 2000, timeoutMs: 3000, retries: 5, startPeriodMs: 20_000 };

/** A service with the resolver's defaults; shared with the other pure tests. */
export const makeService = baseService;

export function makeProject(services: Service[], over: Partial<Project> = {}): Project {
  return {
    name: 'shop',
    dir: '/work/shop',
    files: ['/work/shop/foxdev.config.ts'],
    services: Object.fromEntries(services.map((s) => [s.name, s])),
    volumes: {},
    networks: { default: { name: 'shop_default', external: false } },
    profiles: [],
    logBuffer: 5000,
    ...over,
  };
}

const healthy = { condition: 'service_healthy' as const, required: true, restart: false };

export function sampleProject(): Project {
  return makeProject(
    [
      makeService('api', {
        build: { context: '/work/shop/api', dockerfile: 'Dockerfile', target: 'prod', args: {} },
        command: ['node', 'server.js'],
        environment: {
          LOG_LEVEL: 'info',
          PORT: '3000',
          DATABASE_URL: 'postgres://shop:devpassword@db:5432/shop',
          API_TOKEN: 'dev-token',
        },
        ports: [{ target: 3000, published: 8080, protocol: 'tcp' }],
        depends_on: { db: healthy, cache: { ...healthy, condition: 'service_started' }, migrate: { ...healthy, condition: 'service_completed_successfully' }, assets: { ...healthy, condition: 'service_started' } },
        ready: [{ kind: 'http', url: 'http://localhost:8080/health', status: 200, intervalMs: 100, timeoutMs: 1000, retries: 3, startPeriodMs: 0 }],
        healthcheck: { test: ['CMD', 'node', '-e', "fetch('http://127.0.0.1:3000/health')"], ...timing },
        volumes: [{ type: 'bind', source: '/work/shop/api/src', target: '/app/src', read_only: false }],
        extra: { deploy: { resources: { limits: { cpus: '0.5', memory: '384M' } } } },
      }),
      makeService('db', {
        image: 'postgres:16-bookworm',
        environment: { POSTGRES_USER: 'shop', POSTGRES_PASSWORD: 'devpassword', POSTGRES_DB: 'shop' },
        ports: [{ target: 5432, protocol: 'tcp' }],
        volumes: [{ type: 'volume', source: 'db_data', target: '/var/lib/postgresql/data', read_only: false }],
        healthcheck: { test: ['CMD-SHELL', 'pg_isready -U shop'], ...timing },
        seed: { kind: 'postgres', database: 'shop', user: 'shop', files: ['/work/shop/db/seed.sql'], reset: 'recreate', dependents: 'restart' },
      }),
      makeService('cache', {
        image: 'redis:7-bookworm',
        ports: [{ target: 6379, protocol: 'tcp' }],
        ready: [{ kind: 'tcp', port: 6379, host: 'localhost', ...timing }],
      }),
      makeService('migrate', {
        kind: 'job',
        build: { context: '/work/shop/api', dockerfile: 'Dockerfile', target: 'prod', args: {} },
        command: ['node', 'migrate.js'],
        environment: { DATABASE_URL: 'postgres://shop:devpassword@db:5432/shop' },
        depends_on: { db: healthy },
        restart: 'on-failure',
        restartMaxRetries: 2,
      }),
      makeService('worker', {
        build: { context: '/work/shop/worker', dockerfile: 'Dockerfile', args: {} },
        user: '1001:1001',
        environment: { QUEUE: 'default' },
        depends_on: { cache: healthy },
        volumes: [{ type: 'tmpfs', target: '/tmp', read_only: false }],
      }),
      makeService('assets', {
        kind: 'process',
        run: { command: ['npm', 'run', 'watch'], cwd: '/work/shop/web', env: {} },
      }),
    ],
    { volumes: { db_data: { name: 'shop_db_data', external: false, labels: {} } } },
  );
}
