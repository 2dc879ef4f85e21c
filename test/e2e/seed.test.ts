// Seeding a real PostgreSQL (foxdev/postgres:15) on a fresh volume, through the Engine API only.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import {
  applySeed,
  ensureSeeded,
  resetAndSeed,
  restoreSnapshot,
  saveSnapshot,
  SeedSqlError,
  seedStatus,
  snapshotDir,
} from '../../src/engine/seed/index.js';
import { requireEngine } from '../helpers/engine.js';
import { copyFixture, sql, startPostgres, type Started } from './seed-support.js';

const available = await requireEngine();

describe.skipIf(!available)('seed (postgres)', () => {
  let pg: Started;
  let dir: string;
  let seed: Extract<ResolvedSeed, { kind: 'postgres' }>;
  const logs: string[] = [];
  const opts = () => ({ projectDir: dir, service: 'db', onLog: (l: string) => logs.push(l) });
  const q = (query: string, db = 'shop') => sql(pg.container, db, query);
  const databases = () => q(`SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database WHERE datname LIKE 'shop%'`, 'postgres');

  beforeAll(async () => {
    dir = await copyFixture('seed-pg');
    seed = {
      kind: 'postgres',
      database: 'shop',
      user: 'shop',
      password: 'shop',
      files: [path.join(dir, 'db/01-schema.sql'), path.join(dir, 'db/02-rows.sql')],
      reset: 'recreate',
      dependents: 'none',
    };
    pg = await startPostgres();
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await pg?.remove();
  });

  it('a broken first seed leaves the new database empty and names the file and line', async () => {
    await writeFile(path.join(dir, 'db/03-broken.sql'), 'INSERT INTO customers (email, name) VALUES (\'a@b\', \'A\');\n\nINSERT INTO no_such_table\n  VALUES (1);\n');
    const broken = { ...seed, files: [...seed.files, path.join(dir, 'db/03-broken.sql')] };
    const err = await applySeed(pg.container, broken, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedSqlError);
    expect((err as SeedSqlError).file).toBe('db/03-broken.sql');
    expect((err as SeedSqlError).line).toBe(3); // the statement spans lines 3–4; the bad name is on 3
    expect((err as SeedSqlError).message).toMatch(/^db\/03-broken\.sql:3: relation "no_such_table" does not exist/);
    expect(await q(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`)).toBe('0');
    expect(await seedStatus(pg.container, seed, opts())).toBe('unseeded');
  });

  it('seeds the new volume on first start', async () => {
    expect(await seedStatus(pg.container, seed, opts())).toBe('unseeded');
    expect(await ensureSeeded(pg.container, seed, opts())).toBe('applied');
    expect(await q('SELECT count(*) FROM customers')).toBe('100');
    expect(await q('SELECT sum(total_cents) FROM orders')).toBe(String(150 * 5050));
    expect(await seedStatus(pg.container, seed, opts())).toBe('seeded');
  });

  it('a second start finds it seeded and does not seed again', async () => {
    await q(`INSERT INTO customers (email, name) VALUES ('kept@example.test', 'Kept')`);
    const before = await q(`SELECT applied_at FROM foxdev_seed WHERE database = 'shop'`, 'postgres');
    expect(await ensureSeeded(pg.container, seed, opts())).toBe('seeded');
    expect(await q('SELECT count(*) FROM customers')).toBe('101');
    expect(await q(`SELECT applied_at FROM foxdev_seed WHERE database = 'shop'`, 'postgres')).toBe(before);
  });

  it('reset + seed restores the rows after they were changed, with a client connected', async () => {
    await q('DELETE FROM orders WHERE id > 10');
    await q(`UPDATE customers SET name = 'changed'`);
    // An application holding a connection must not block the reset.
    const idle = pg.container.exec({ Cmd: ['psql', '-X', '-U', 'shop', '-d', 'shop', '-c', 'SELECT pg_sleep(60)'], AttachStdout: true, AttachStderr: true });
    await (await idle).start({});
    await new Promise((r) => setTimeout(r, 300));
    await resetAndSeed(pg.container, seed, opts());
    expect(await q('SELECT count(*) FROM orders')).toBe('100');
    expect(await q(`SELECT count(*) FROM customers WHERE name = 'changed' OR email = 'kept@example.test'`)).toBe('0');
    expect(await seedStatus(pg.container, seed, opts())).toBe('seeded');
    expect(await databases()).toBe('shop');
  });

  it('a broken SQL file leaves the old data intact and names the file and line (recreate and truncate)', async () => {
    await q(`INSERT INTO customers (email, name) VALUES ('marker@example.test', 'Marker')`);
    const broken = { ...seed, files: [...seed.files, path.join(dir, 'db/03-broken.sql')] };
    for (const reset of ['recreate', 'truncate'] as const) {
      const err = await resetAndSeed(pg.container, { ...broken, reset }, opts()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SeedSqlError);
      const e = err as SeedSqlError;
      expect(e.kind).toBe('seed');
      // truncate mode stops at the schema file, which cannot run twice; recreate reaches the broken file.
      if (reset === 'recreate') expect(`${e.file}:${e.line}`).toBe('db/03-broken.sql:3');
      else expect(e.file).toBe('db/01-schema.sql');
      expect(e.serverMessage).toMatch(/does not exist|already exists/);
      expect(await q(`SELECT count(*) FROM customers WHERE email = 'marker@example.test'`)).toBe('1');
      expect(await q('SELECT count(*) FROM customers')).toBe('101');
      expect(await databases()).toBe('shop');
    }
  });

  it('truncate strategy empties every table and reseeds in one transaction', async () => {
    // Data-only files, as a truncate seed expects (the schema comes from migrations).
    const rows = path.join(dir, 'db/02-rows.sql');
    const dataOnly = { ...seed, reset: 'truncate' as const, files: [rows] };
    await resetAndSeed(pg.container, dataOnly, opts());
    expect(await q(`SELECT count(*) FROM customers WHERE email = 'marker@example.test'`)).toBe('0');
    expect(await q('SELECT count(*), min(id) FROM customers')).toBe('100|1'); // identities restarted
  });

  it('a changed seed file shows as changed, and a reset makes it seeded again', async () => {
    await resetAndSeed(pg.container, seed, opts());
    expect(await seedStatus(pg.container, seed, opts())).toBe('seeded');
    const rows = path.join(dir, 'db/02-rows.sql');
    await writeFile(rows, (await readFile(rows, 'utf8')) + "\nINSERT INTO customers (email, name) VALUES ('new@example.test', 'New');\n");
    expect(await seedStatus(pg.container, seed, opts())).toBe('changed');
    expect(await ensureSeeded(pg.container, seed, opts())).toBe('changed'); // never silently
    expect(await q('SELECT count(*) FROM customers')).toBe('100');
    await resetAndSeed(pg.container, seed, opts());
    expect(await q('SELECT count(*) FROM customers')).toBe('101');
    expect(await seedStatus(pg.container, seed, opts())).toBe('seeded');
  });

  it('save and restore round-trip through .foxdev/snapshots', async () => {
    const snaps = snapshotDir(dir, 'db');
    await q(`INSERT INTO orders (customer_id, total_cents) VALUES (1, 4242)`);
    const meta = await saveSnapshot(pg.container, seed, 'before-demo', snaps, opts());
    expect(meta.bytes).toBeGreaterThan(1000);
    expect((await stat(path.join(dir, '.foxdev/snapshots/db/before-demo.dump'))).size).toBe(meta.bytes);
    const orders = await q('SELECT count(*), sum(total_cents) FROM orders');
    await q('DELETE FROM orders');
    await q('DROP TABLE customers CASCADE');
    await restoreSnapshot(pg.container, seed, 'before-demo', snaps, opts());
    expect(await q('SELECT count(*), sum(total_cents) FROM orders')).toBe(orders);
    expect(await q('SELECT count(*) FROM customers')).toBe('101');
    expect(await seedStatus(pg.container, seed, opts())).toBe('seeded'); // the snapshot carried the seed's hash
    expect(await databases()).toBe('shop');
    await expect(restoreSnapshot(pg.container, seed, 'nope', snaps, opts())).rejects.toThrow(/no snapshot named "nope"/);
  });

  it('a failing restore leaves the data as it was', async () => {
    const snaps = snapshotDir(dir, 'db');
    await writeFile(path.join(snaps, 'corrupt.dump'), 'PGDMP this is not a dump');
    await expect(restoreSnapshot(pg.container, seed, 'corrupt', snaps, opts())).rejects.toThrow(/pg_restore/);
    expect(await q('SELECT count(*) FROM customers')).toBe('101');
    expect(await databases()).toBe('shop');
  });

  it('a custom reset command is undone when the seed after it fails', async () => {
    const reset = { command: ['psql', '-X', '-q', '-d', 'shop', '-c', 'DROP SCHEMA public CASCADE; CREATE SCHEMA public'] };
    await resetAndSeed(pg.container, { ...seed, reset }, opts());
    expect(await q('SELECT count(*) FROM customers')).toBe('101');
    await q(`INSERT INTO customers (email, name) VALUES ('marker2@example.test', 'M')`);
    const broken = { ...seed, reset, files: [...seed.files, path.join(dir, 'db/03-broken.sql')] };
    await expect(resetAndSeed(pg.container, broken, opts())).rejects.toThrow(/03-broken\.sql:3/);
    expect(await q(`SELECT count(*) FROM customers WHERE email = 'marker2@example.test'`)).toBe('1');
    expect(await databases()).toBe('shop');
  });
});
