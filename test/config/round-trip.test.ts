// What `foxdev config --show-secrets` prints is itself a compose file that loads into the same
// Project: the canonical form loses nothing foxdev models, foxdev's keys included.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { toCanonical } from '../../src/config/canonical.js';
import { loadProject } from '../../src/config/load.js';
import type { Project } from '../../src/config/project.js';
import { removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/awesome-compose');

async function roundTrip(p1: Project): Promise<void> {
  const dir = tempProject({});
  writeFileSync(path.join(dir, 'compose.yaml'), stringify(toCanonical(p1, { showSecrets: true }), { version: '1.1' }));
  const p2 = await loadProject({ cwd: dir, env: {} });
  // Where it was read from (dir, files, the .env values) is not part of the canonical form.
  const strip = ({ dir: _d, files: _f, dotenv: _e, ...rest }: Project) => rest;
  expect(strip(p2)).toEqual(strip(p1));
}

describe('canonical form round trip', () => {
  it.each(readdirSync(corpus).sort())('%s', async (example) => {
    await roundTrip(await loadProject({ cwd: path.join(corpus, example), env: {} }));
  });

  it('a foxdev.config.ts project with every foxdev key', async () => {
    const dir = tempProject({
      'foxdev.config.ts': `
import { defineConfig } from 'foxdev';
export default defineConfig({
  name: 'full',
  logBuffer: 100,
  services: {
    db: {
      image: 'postgres:16',
      environment: { POSTGRES_PASSWORD: 'pa$$word' },
      ready: [{ tcp: 5432 }, { exec: ['pg_isready'], interval: '1s' }, { log: 'ready', start_period: '2s' }],
      seed: { postgres: { database: 'app', password: 'pw', files: ['seed/*.sql'] }, reset: { command: 'dropdb app' }, dependents: 'pause' },
      healthcheck: { test: 'pg_isready', interval: '1m30s', start_interval: '1s' },
    },
    jobs: { image: 'busybox', command: ['true'] },
    api: {
      build: { context: 'api', args: { A: '1' }, labels: { team: 'x' } },
      depends_on: { db: { condition: 'service_seeded' }, jobs: { condition: 'service_completed_successfully', restart: true } },
      ports: ['127.0.0.1:8000-8010:80', '9000:9000/udp'],
      volumes: ['./api:/app:ro', 'cache:/cache'],
      sync: [{ path: 'api/src', target: '/app/src', action: 'sync+exec', exec: 'make', ignore: ['*.tmp'], include: ['**/*.js'], initial_sync: true }],
      restart: 'on-failure:5',
      stop_grace_period: '3s',
      profiles: ['web'],
      networks: { back: { aliases: ['api.local'] } },
    },
    tool: { run: { command: ['node', 'tool.js'], env: { TOKEN: 't' } }, ready: { http: { url: 'http://localhost:1/', status: 204 } } },
    seeder: { image: 'busybox', seed: { command: 'load', where: 'host', files: ['data.csv'] } },
  },
  volumes: { cache: {} },
} as any);
`,
      'seed/1.sql': '',
      // Seed files and sync paths must exist (config/host-files.ts).
      'data.csv': '',
      'api/src/a.js': '',
    });
    const dirWithNetwork = path.join(dir, 'compose.yaml');
    writeFileSync(dirWithNetwork, 'networks:\n  back: {}\n');
    const p1 = await loadProject({ cwd: dir, files: ['compose.yaml', 'foxdev.config.ts'], profiles: ['web'], env: {} });
    expect(Object.keys(p1.services)).toEqual(['db', 'jobs', 'api', 'tool', 'seeder']);
    expect(p1.services.jobs.kind).toBe('job');
    // Written beside the config: sync paths must stay inside the project directory.
    writeFileSync(path.join(dir, 'canonical.yaml'), stringify(toCanonical(p1, { showSecrets: true }), { version: '1.1' }));
    const p2 = await loadProject({ cwd: dir, files: ['canonical.yaml'], profiles: ['web'], env: {} });
    // Where it was read from (dir, files, the .env values) is not part of the canonical form.
  const strip = ({ dir: _d, files: _f, dotenv: _e, ...rest }: Project) => rest;
    expect(strip(p2)).toEqual(strip(p1));
  });
});
