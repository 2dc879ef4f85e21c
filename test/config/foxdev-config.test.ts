// foxdev.config.ts: loaded with jiti, `import 'foxdev'` resolved without node_modules, compose
// files imported and overridden, foxdev's own keys resolved with their defaults.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCanonical } from '../../src/config/canonical.js';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

describe('foxdev.config.ts', () => {
  const dir = tempProject({
    'compose.yaml': `
services:
  db:
    image: postgres:16
    environment: { POSTGRES_PASSWORD: secret }
  api:
    build: ./api
    ports: ["3000:3000"]
    depends_on: [db]
`,
    'foxdev.config.ts': `
import { defineConfig, type ServiceConfig } from 'foxdev';

const api: ServiceConfig = {
  environment: { DEBUG: 'api:*' },
  depends_on: { db: { condition: 'service_ready' }, migrate: { condition: 'service_completed_successfully' } },
  ready: { http: 'http://localhost:3000/health', interval: '250ms' },
  sync: [{ path: 'api/src', target: '/app/src', ignore: ['**/*.test.ts'] }],
};

export default defineConfig({
  name: 'shop',
  compose: 'compose.yaml',
  logBuffer: 200,
  services: {
    api,
    db: {
      ready: [{ tcp: 5432 }, { log: 'ready to accept connections', timeout: '30s' }],
      seed: { postgres: { database: 'app', files: ['db/*.sql'] } },
    },
    migrate: { image: 'migrate:1', oneshot: true, command: 'migrate up' },
    docs: { run: { command: 'npm run docs', cwd: 'docs', env: { PORT: 4000 } } },
  },
});
`,
    'db/01-schema.sql': 'create table t();',
    'db/02-data.sql': 'insert into t default values;',
    'db/notes.txt': 'not sql',
    'api/src/index.ts': '', // sync paths and run.cwd must exist
    'docs/index.md': '',
  });

  it('imports compose files and adds foxdev keys on top', async () => {
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.name).toBe('shop');
    expect(p.logBuffer).toBe(200);
    expect(p.files).toEqual([path.join(dir, 'compose.yaml'), path.join(dir, 'foxdev.config.ts')]);
    expect(Object.keys(p.services)).toEqual(['db', 'api', 'migrate', 'docs']);
    const api = p.services.api;
    expect(api.kind).toBe('container');
    expect(api.ports).toEqual([{ target: 3000, published: 3000, protocol: 'tcp' }]);
    expect(api.environment).toEqual({ DEBUG: 'api:*' });
    expect(api.depends_on).toEqual({
      db: { condition: 'service_ready', required: true, restart: false },
      migrate: { condition: 'service_completed_successfully', required: true, restart: false },
    });
    expect(api.ready).toEqual([{ kind: 'http', url: 'http://localhost:3000/health', status: 200, intervalMs: 250, timeoutMs: 1000, retries: 3, startPeriodMs: 0 }]);
    expect(api.sync).toEqual([{ path: path.join(dir, 'api/src'), target: '/app/src', action: 'sync', ignore: ['**/*.test.ts'], include: [], initialSync: false }]);
  });

  it('resolves kinds, probes and seeds', async () => {
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.migrate.kind).toBe('job');
    expect(p.services.migrate.command).toEqual(['migrate', 'up']);
    expect(p.services.docs.kind).toBe('process');
    expect(p.services.docs.run).toEqual({ command: ['sh', '-c', 'npm run docs'], cwd: path.join(dir, 'docs'), env: { PORT: '4000' } });
    expect(p.services.docs.networks).toEqual([]);
    expect(p.services.db.ready).toEqual([
      { kind: 'tcp', port: 5432, host: '127.0.0.1', intervalMs: 100, timeoutMs: 1000, retries: 3, startPeriodMs: 0 },
      { kind: 'log', pattern: 'ready to accept connections', intervalMs: 100, timeoutMs: 30_000, retries: 3, startPeriodMs: 0 },
    ]);
    expect(p.services.db.seed).toEqual({
      kind: 'postgres',
      database: 'app',
      user: 'postgres',
      files: [path.join(dir, 'db/01-schema.sql'), path.join(dir, 'db/02-data.sql')],
      reset: 'recreate',
      dependents: 'restart',
    });
  });

  it('prints foxdev keys under x-foxdev and masks secrets', async () => {
    const c = toCanonical(await loadProject({ cwd: dir, env: {} })) as Record<string, any>;
    expect(c.services.db.environment.POSTGRES_PASSWORD).toBe('********');
    expect(c.services.api['x-foxdev'].ready[0]).toEqual({ http: { url: 'http://localhost:3000/health', status: 200 }, interval: '250ms', timeout: '1s', retries: 3, start_period: '0s' });
    expect(c.services.docs['x-foxdev'].run.command).toEqual(['sh', '-c', 'npm run docs']);
    expect(c.services.migrate['x-foxdev']).toEqual({ oneshot: true });
    expect(c.services.db['x-foxdev'].seed.postgres.user).toBe('postgres');
    expect(c['x-foxdev']).toEqual({ logBuffer: 200 });
  });

  it('accepts an .mjs config', async () => {
    const mjs = tempProject({
      'foxdev.config.mjs': `import { defineConfig } from 'foxdev';\nexport default defineConfig({ services: { web: { image: 'nginx', ports: [8080] } } });\n`,
    });
    const p = await loadProject({ cwd: mjs, env: {} });
    expect(p.services.web.ports).toEqual([{ target: 8080, protocol: 'tcp' }]);
  });

  it('sees a changed config when loaded again in the same process', async () => {
    for (const name of ['foxdev.config.mjs', 'foxdev.config.ts']) {
      const d = tempProject({});
      const write = (image: string) => writeFileSync(path.join(d, name), `export default { services: { web: { image: '${image}' } } };\n`);
      write('one');
      expect((await loadProject({ cwd: d, env: {} })).services.web.image).toBe('one');
      write('two');
      expect((await loadProject({ cwd: d, env: {} })).services.web.image).toBe('two');
    }
  });

  it('reports every mistake with a line', async () => {
    const bad = tempProject({
      'foxdev.config.ts': `import { defineConfig } from 'foxdev';

export default defineConfig({
  services: {
    api: {
      image: 'api',
      redy: { http: 'http://localhost' },
      sync: [{ path: 'src', action: 'copy' }],
      ports: [true],
    },
  },
  logbuffer: 10,
} as any);
`,
    });
    // In reading order, whatever stage found them.
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual([
      'foxdev.config.ts:7:7: services.api.redy: unknown key "redy" (did you mean "ready"?)',
      'foxdev.config.ts:8:29: services.api.sync[0].action: expected one of "sync", "sync+restart", "sync+exec", "rebuild", "restart", got string "copy"',
      'foxdev.config.ts:9:7: services.api.ports[0]: expected a number, a string or a mapping, got boolean true',
      'foxdev.config.ts:12:3: logbuffer: unknown key "logbuffer" (did you mean "logBuffer"?)',
    ]);
  });

  it('reports a config that does not load', async () => {
    const bad = tempProject({ 'foxdev.config.ts': `export default {\n  services: {\n` });
    const found = await problems(loadProject({ cwd: bad, env: {} }), bad);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^foxdev\.config\.ts:3(:\d+)?: cannot load: /);
  });

  it('names the line of a runtime error, in an imported file too, and any thrown value', async () => {
    const typeError = tempProject({ 'foxdev.config.ts': `const o: any = undefined;\n\nexport default { services: { a: { image: o.x } } };\n` });
    expect(await problems(loadProject({ cwd: typeError, env: {} }), typeError)).toEqual([
      "foxdev.config.ts:3: cannot load: Cannot read properties of undefined (reading 'x')",
    ]);
    const imported = tempProject({
      'lib.ts': `export const y: any = null;\nexport const z = y.foo;\n`,
      'foxdev.config.ts': `import { z } from './lib';\nexport default { services: { a: { image: String(z) } } };\n`,
    });
    expect((await problems(loadProject({ cwd: imported, env: {} }), imported))[0]).toMatch(/^lib\.ts:2: cannot load: Cannot read properties of null/);
    const str = tempProject({ 'foxdev.config.ts': `throw 'nope';\n` });
    expect(await problems(loadProject({ cwd: str, env: {} }), str)).toEqual(['foxdev.config.ts: cannot load: it threw "nope" (throw an Error for a message with a place)']);
    const nul = tempProject({ 'foxdev.config.ts': `throw null;\n` });
    expect(await problems(loadProject({ cwd: nul, env: {} }), nul)).toEqual(['foxdev.config.ts: cannot load: it threw null (throw an Error for a message with a place)']);
  });

  it('gives up on a default export that never resolves, naming the file', async () => {
    const never = tempProject({ 'foxdev.config.ts': `export default new Promise(() => {});\n` });
    process.env.FOXDEV_CONFIG_TIMEOUT = '0.3';
    try {
      expect(await problems(loadProject({ cwd: never, env: {} }), never)).toEqual([
        'foxdev.config.ts: the default export did not resolve within 0.3 s (set FOXDEV_CONFIG_TIMEOUT=seconds to wait longer)',
      ]);
    } finally {
      delete process.env.FOXDEV_CONFIG_TIMEOUT;
    }
  });
});
