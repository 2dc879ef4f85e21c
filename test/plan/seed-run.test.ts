// The plan walker's rollback order and cleanup semantics, with a fake step runner (no Docker),
// and the psql error parser that names the user's file and line.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { planSeed, type SeedStep } from '../../src/plan/seed.js';
import { formatSeedStep } from '../../src/plan/seed-format.js';
import { runSeedPlan } from '../../src/engine/seed/run-plan.js';
import { psqlError } from '../../src/engine/seed/sql-error.js';

const seed = (reset: Extract<ResolvedSeed, { kind: 'postgres' }>['reset']): ResolvedSeed => ({
  kind: 'postgres',
  database: 'shop',
  user: 'shop',
  files: ['/p/db/a.sql'],
  reset,
  dependents: 'none',
});

function recorder(failOn: (s: SeedStep) => boolean) {
  const ran: string[] = [];
  const run = async (s: SeedStep) => {
    ran.push(formatSeedStep(s));
    if (failOn(s)) throw new Error(`boom: ${s.op}`);
  };
  return { ran, run };
}

describe('runSeedPlan', () => {
  it('on a failing seed, undoes earlier steps newest first and rethrows; never swaps', async () => {
    const plan = planSeed(seed('recreate'), 'reset', { service: 'db', projectDir: '/p' });
    const { ran, run } = recorder((s) => s.op === 'apply-sql');
    await expect(runSeedPlan(plan, run)).rejects.toThrow('boom: apply-sql');
    expect(ran).toEqual([
      'drop "shop__foxdev_new", "shop__foxdev_old" if present, then create database "shop__foxdev_new" owner "shop"',
      'apply in one transaction to "shop__foxdev_new": db/a.sql',
      'drop database "shop__foxdev_new" if present',
    ]);
  });

  it('swaps the backup back when the seed fails after a custom reset command', async () => {
    const plan = planSeed(seed({ command: ['reset'] }), 'reset', { service: 'db', projectDir: '/p' });
    const { ran, run } = recorder((s) => s.op === 'apply-sql');
    await expect(runSeedPlan(plan, run)).rejects.toThrow();
    expect(ran.slice(-4)).toEqual([
      'apply in one transaction to "shop": db/a.sql',
      'swap "shop__foxdev_backup" in as "shop" (the current one renamed to "shop__foxdev_failed", in one transaction)',
      'drop database "shop__foxdev_failed" if present',
      'drop database "shop__foxdev_backup" if present',
    ]);
    expect(ran.some((r) => r.startsWith('record'))).toBe(false);
  });

  it('keeps going when a rollback step fails, and reports the original error', async () => {
    const plan = planSeed(seed({ command: ['reset'] }), 'reset', { service: 'db', projectDir: '/p' });
    const logs: string[] = [];
    const { ran, run } = recorder((s) => s.op === 'apply-sql' || s.op === 'swap-database');
    await expect(runSeedPlan(plan, run, (l) => logs.push(l))).rejects.toThrow('boom: apply-sql');
    expect(ran.at(-1)).toBe('drop database "shop__foxdev_backup" if present');
    expect(logs.some((l) => l.startsWith('rollback step failed (swap'))).toBe(true);
  });

  it('runs a cleanup alongside the following steps and finishes only when it has', async () => {
    const plan = planSeed(seed('recreate'), 'reset', { service: 'db', projectDir: '/p' });
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const run = async (s: SeedStep) => {
      events.push(`start ${s.op}`);
      if (s.op === 'drop-database') await held;
      events.push(`end ${s.op}`);
    };
    let finished = false;
    const done = runSeedPlan(plan, run).then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(events.slice(-3)).toEqual(['start drop-database', 'start record-hash', 'end record-hash']);
    expect(finished).toBe(false);
    release();
    await done;
    expect(events.at(-1)).toBe('end drop-database');
  });

  it('treats a failing cleanup as a warning: the data is already in place', async () => {
    const plan = planSeed(seed('recreate'), 'reset', { service: 'db', projectDir: '/p' });
    const logs: string[] = [];
    const { ran, run } = recorder((s) => s.op === 'drop-database' && s.databases.length === 1 && s.databases[0] === 'shop__foxdev_old');
    await runSeedPlan(plan, run, (l) => logs.push(l));
    expect(ran).toHaveLength(plan.steps.length);
    expect(logs).toEqual([expect.stringMatching(/^warning: drop database "shop__foxdev_old"/)]);
  });
});

describe('psqlError', () => {
  const names = new Map([['db/02-rows.sql', 'db/02-rows.sql'], ['_outside/2/x.sql', '../shared/x.sql']]);
  it('names the file as the user knows it, the line, and the server message with its context', () => {
    const e = psqlError(
      'psql:_outside/2/x.sql:4: ERROR:  relation "nope" does not exist\nLINE 1: INSERT INTO nope\n                    ^\n',
      names,
      'seeding "shop"',
    );
    expect(e.kind).toBe('seed');
    expect(e.file).toBe('../shared/x.sql');
    expect(e.line).toBe(4);
    expect(e.serverMessage).toBe('relation "nope" does not exist');
    expect(e.message).toBe('../shared/x.sql:4: relation "nope" does not exist\nLINE 1: INSERT INTO nope\n                    ^');
  });
  it('uses the echoed statement and the server\'s LINE to name the exact line, not where the statement ends', () => {
    const stderr = [
      'psql:db/02-rows.sql:9: ERROR:  relation "no_such_table" does not exist',
      'LINE 2:   no_such_table',
      '          ^',
      'psql:db/02-rows.sql:9: STATEMENT:  INSERT INTO',
      '  no_such_table',
      '  VALUES (1);',
      '',
    ].join('\n');
    const e = psqlError(stderr, names, 'seeding "shop"');
    expect(e.line).toBe(8); // statement on lines 7–9, error on its 2nd line
    expect(e.message).toBe('db/02-rows.sql:8: relation "no_such_table" does not exist\nLINE 2:   no_such_table\n          ^');
    // Without a LINE (a runtime error), the statement's first line.
    const dup = psqlError('psql:db/02-rows.sql:12: ERROR:  duplicate key value violates unique constraint "k"\nDETAIL:  Key (id)=(1) already exists.\npsql:db/02-rows.sql:12: STATEMENT:  INSERT INTO t\n  VALUES (1);\n', names, 'x');
    expect(dup.line).toBe(11);
    expect(dup.message).toBe('db/02-rows.sql:11: duplicate key value violates unique constraint "k"\nDETAIL:  Key (id)=(1) already exists.');
  });

  it('skips notices and falls back to what was being done for errors outside any file', () => {
    const e = psqlError('psql:<stdin>:1: NOTICE:  hi\npsql:<stdin>:3: ERROR:  permission denied to create database\n', names, 'creating "x"');
    expect(e.file).toBeUndefined();
    expect(e.message).toBe('creating "x": permission denied to create database');
  });
  it('reports connection failures', () => {
    const e = psqlError('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "x" does not exist\n', names, 'seeding "shop"');
    expect(e.message).toMatch(/^seeding "shop": connection to server .* role "x" does not exist$/);
  });
});
