// `foxdev seed` end to end: the real CLI (run from source) against a project whose db container
// carries foxdev's labels, as `foxdev up` would have started it.
import { execa } from 'execa';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { copyFixture, repoRoot, sql, startContainer, startPostgres, type Started } from './seed-support.js';

const available = await requireEngine();

describe.runIf(available)('foxdev seed (CLI)', () => {
  const project = `seedcli${process.pid}`;
  let dir: string;
  let db: Started;
  let api: Started;
  const q = (query: string) => sql(db.container, 'shop', query);
  // stdin is not a terminal here, which is what CI and scripts look like.
  const foxdev = (...args: string[]) =>
    execa('node', [path.join(repoRoot, 'node_modules/jiti/lib/jiti-cli.mjs'), path.join(repoRoot, 'src/cli/main.ts'), '-C', dir, '-p', project, ...args], {
      reject: false,
      stdin: 'ignore',
      stripFinalNewline: false,
    });

  beforeAll(async () => {
    dir = await copyFixture('seed-pg');
    const labels = (service: string) => ({ 'dev.foxdev.project': project, 'dev.foxdev.service': service });
    [db, api] = await Promise.all([startPostgres(labels('db')), startContainer({ image: 'foxdev/busybox:1', cmd: ['sleep', '3600'], labels: labels('api') })]);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await Promise.all([db?.remove(), api?.remove()]);
  });

  it('--status reports a new database as unseeded', async () => {
    const r = await foxdev('seed', '--status');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('db\tpostgres database "shop"\tunseeded\n');
    expect(r.exitCode).toBe(0);
  });

  it('refuses to reset without --yes when not on a terminal (one line, exit 2)', async () => {
    const r = await foxdev('seed');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^foxdev: foxdev seed would reset and reseed db \(postgres database "shop"\), replacing its data; pass --yes to confirm when not on a terminal\n$/);
    expect(await q(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`)).toBe('0');
  });

  it('refuses services without a seed or unknown to the config', async () => {
    for (const svc of ['api', 'nope']) {
      const r = await foxdev('seed', svc, '--yes');
      expect(r.exitCode).toBe(svc === 'api' ? 2 : 1);
      expect(r.stderr.split('\n')[0]).toMatch(svc === 'api' ? /declares no seed/ : /no such service: nope/);
    }
  });

  it('--yes resets and seeds (expanding db/*.sql in order) and restarts the dependent api', async () => {
    const startedBefore = (await api.container.inspect()).State.StartedAt;
    const r = await foxdev('seed', '--yes');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^db: reset and seeded in \d+\.\d\d s\n$/);
    expect(r.stderr).toContain('db: stopping api');
    expect(await q('SELECT count(*) FROM orders')).toBe('100');
    const after = (await api.container.inspect()).State;
    expect(after.Running).toBe(true);
    expect(after.StartedAt).not.toBe(startedBefore);
    expect((await foxdev('seed', '--status')).stdout).toContain('\tseeded\n');
  });

  it('restores the rows after they were changed', async () => {
    await q('DELETE FROM orders');
    const r = await foxdev('seed', 'db', '--yes');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await q('SELECT count(*) FROM orders')).toBe('100');
  });

  it('--save and --restore round-trip', async () => {
    await q(`INSERT INTO customers (email, name) VALUES ('demo@example.test', 'Demo')`);
    const saved = await foxdev('seed', '--save', 'demo');
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/^db: saved snapshot "demo" \(\d+\.\d MB\)\n$/);
    expect((await stat(path.join(dir, '.foxdev/snapshots/db/demo.dump'))).size).toBeGreaterThan(0);
    await q('DELETE FROM orders');
    expect((await foxdev('seed', '--restore', 'demo')).exitCode).toBe(2); // destructive: needs --yes
    const restored = await foxdev('seed', '--restore', 'demo', '--yes');
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(await q('SELECT count(*) FROM orders')).toBe('100');
    expect(await q(`SELECT count(*) FROM customers WHERE email = 'demo@example.test'`)).toBe('1');
    const bad = await foxdev('seed', '--restore', 'nope', '--yes');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/no snapshot named "nope"[\s\S]*saved snapshots: demo/);
  });
});
