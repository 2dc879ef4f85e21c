// Backing services `--with` adds to compose. Images are interpolated (${POSTGRES_IMAGE:-…}) so a
// mirror or a local image can stand in without editing the file; defaults carry explicit tags.
// Passwords are never literal: dev gets an overridable default, prod requires the variable.
import type { Addon } from './types.js';

export interface AddonSpec {
  port: number;
  /** compose.yaml service definition. */
  base: Record<string, unknown>;
  /** compose.prod.yaml additions. */
  prod: Record<string, unknown>;
  /** Environment the application gets to reach it. */
  appEnv: Record<string, string>;
  /** Named volume holding its data. */
  volume: string;
}

const health = (test: string[]) => ({ test, interval: '5s', timeout: '3s', retries: 5, start_period: '20s' });

export const DB = { name: 'app', user: 'app' };

export const ADDON_SPECS: Record<Addon, AddonSpec> = {
  postgres: {
    port: 5432,
    volume: 'postgres-data',
    base: {
      image: '${POSTGRES_IMAGE:-postgres:16-bookworm}',
      environment: { POSTGRES_USER: DB.user, POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-postgres}', POSTGRES_DB: DB.name },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: health(['CMD', 'pg_isready', '-q', '-U', DB.user, '-d', DB.name, '-h', '127.0.0.1']),
    },
    prod: {
      environment: { POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}' },
      restart: 'unless-stopped',
      deploy: { resources: { limits: { cpus: '1.0', memory: '1G' }, reservations: { cpus: '0.25', memory: '256M' } } },
    },
    appEnv: { DATABASE_URL: `postgres://${DB.user}:\${POSTGRES_PASSWORD:-postgres}@postgres:5432/${DB.name}` },
  },
  redis: {
    port: 6379,
    volume: 'redis-data',
    base: {
      image: '${REDIS_IMAGE:-redis:7-bookworm}',
      volumes: ['redis-data:/data'],
      healthcheck: health(['CMD', 'redis-cli', 'ping']),
    },
    prod: {
      restart: 'unless-stopped',
      deploy: { resources: { limits: { cpus: '0.5', memory: '256M' }, reservations: { cpus: '0.1', memory: '64M' } } },
    },
    appEnv: { REDIS_URL: 'redis://redis:6379' },
  },
};
