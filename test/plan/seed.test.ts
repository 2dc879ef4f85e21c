// The seed plan's stable text form, per strategy: what runs, in which order, and what undoes it.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { planSeed, sideDatabase } from '../../src/plan/seed.js';
import { formatSeedPlan } from '../../src/plan/seed-format.js';

const pg = (reset: Extract<ResolvedSeed, { kind: 'postgres' }>['reset']): ResolvedSeed => ({
  kind: 'postgres',
  database: 'shop',
  user: 'shop',
  files: ['/p/db/01-schema.sql', '/p/db/02-rows.sql'],
  reset,
  dependents: 'none',
});
const text = (seed: ResolvedSeed, mode: 'apply' | 'reset' | 'restore', snapshot?: string) =>
  formatSeedPlan(planSeed(seed, mode, { service: 'db', projectDir: '/p', snapshot }));

describe('planSeed (postgres)', () => {
  it('first seed creates the database if missing and never drops anything', () => {
    expect(text(pg('recreate'), 'apply')).toBe(`seed postgres database "shop" of db
  1. create database "shop" owner "shop" if missing
  2. apply in one transaction to "shop": db/01-schema.sql, db/02-rows.sql
  3. record the seed hash for "shop"`);
  });

  it('recreate seeds a side database and swaps it in only after the seed committed', () => {
    expect(text(pg('recreate'), 'reset')).toBe(`reset postgres database "shop" of db (recreate)
  1. drop "shop__foxdev_new", "shop__foxdev_old" if present, then create database "shop__foxdev_new" owner "shop"
       on failure: drop database "shop__foxdev_new" if present
  2. apply in one transaction to "shop__foxdev_new": db/01-schema.sql, db/02-rows.sql
  3. swap "shop__foxdev_new" in as "shop" (the current one renamed to "shop__foxdev_old", in one transaction)
  4. drop database "shop__foxdev_old" if present (cleanup, alongside what follows: a failure only warns)
  5. record the seed hash for "shop"`);
  });

  it('truncate empties and reseeds inside the one transaction', () => {
    expect(text(pg('truncate'), 'reset')).toBe(`reset postgres database "shop" of db (truncate)
  1. truncate all tables and apply in one transaction to "shop": db/01-schema.sql, db/02-rows.sql
  2. record the seed hash for "shop"`);
  });

  it('a custom reset command is guarded by a copy of the database that is swapped back on failure', () => {
    expect(text(pg({ command: ['sh', '-c', 'reset-db'] }), 'reset')).toBe(`reset postgres database "shop" of db (command)
  1. drop "shop__foxdev_backup", "shop__foxdev_failed" if present, then create database "shop__foxdev_backup" owner "shop" as a copy of "shop"
       on failure: drop database "shop__foxdev_backup" if present
  2. run reset command on the container: ["sh","-c","reset-db"]
       on failure: swap "shop__foxdev_backup" in as "shop" (the current one renamed to "shop__foxdev_failed", in one transaction)
       on failure: drop database "shop__foxdev_failed" if present
  3. create database "shop" owner "shop" if missing
  4. apply in one transaction to "shop": db/01-schema.sql, db/02-rows.sql
  5. record the seed hash for "shop"
  6. drop database "shop__foxdev_backup" if present (cleanup, alongside what follows: a failure only warns)`);
  });

  it('restore loads the dump into a side database and records the snapshot hash', () => {
    expect(text(pg('recreate'), 'restore', '/p/.foxdev/snapshots/db/a.dump')).toBe(`restore postgres database "shop" of db from /p/.foxdev/snapshots/db/a.dump
  1. drop "shop__foxdev_new", "shop__foxdev_old" if present, then create database "shop__foxdev_new" owner "shop"
       on failure: drop database "shop__foxdev_new" if present
  2. pg_restore /p/.foxdev/snapshots/db/a.dump into "shop__foxdev_new"
  3. swap "shop__foxdev_new" in as "shop" (the current one renamed to "shop__foxdev_old", in one transaction)
  4. drop database "shop__foxdev_old" if present (cleanup, alongside what follows: a failure only warns)
  5. record the snapshot's hash for "shop"`);
  });

  it('touches only the configured database and side databases derived from its name', () => {
    for (const reset of ['recreate', 'truncate', { command: ['x'] }] as Array<'recreate' | 'truncate' | { command: string[] }>) {
      const plan = planSeed(pg(reset), 'reset', { service: 'db', projectDir: '/p' });
      const names = plan.steps.flatMap((p) => [p.step, ...p.rollback]).flatMap((s) =>
        'databases' in s ? s.databases : s.op === 'create-database' ? [s.database, ...(s.template ? [s.template] : []), ...(s.dropFirst ?? [])] : 'target' in s ? [s.target, s.replacement, s.retired] : 'database' in s && s.database ? [s.database] : [],
      );
      for (const n of names) expect(n === 'shop' || n.startsWith('shop__foxdev_')).toBe(true);
    }
  });

  it('keeps side database names within PostgreSQL’s 63-byte limit', () => {
    const long = 'd'.repeat(70);
    expect(Buffer.byteLength(sideDatabase(long, 'backup'))).toBeLessThanOrEqual(63);
    expect(sideDatabase(long, 'new').endsWith('__foxdev_new')).toBe(true);
    expect(sideDatabase('é'.repeat(40), 'new')).toMatch(/^é+__foxdev_new$/);
    expect(Buffer.byteLength(sideDatabase('é'.repeat(40), 'new'))).toBeLessThanOrEqual(63);
  });

  it('refuses a restore plan without a snapshot file', () => {
    expect(() => planSeed(pg('recreate'), 'restore', { service: 'db' })).toThrow(/snapshot/);
  });
});

describe('planSeed (command)', () => {
  const cmd: ResolvedSeed = {
    kind: 'command',
    command: ['sh', '-c', 'cat $FOXDEV_SEED_FILES | sqlite3 /data/app.db'],
    where: 'container',
    files: ['/p/seed/a.sql'],
    reset: { command: ['rm', '-f', '/data/app.db'] },
    dependents: 'none',
  };
  it('runs the reset command only on reset, then the seed command with its files', () => {
    expect(text(cmd, 'reset')).toBe(`reset db with a command (container)
  1. run reset command on the container: ["rm","-f","/data/app.db"]
  2. run seed command on the container: ["sh","-c","cat $FOXDEV_SEED_FILES | sqlite3 /data/app.db"] with seed/a.sql
  3. record the seed hash`);
    expect(text(cmd, 'apply')).not.toContain('reset command');
  });
  it('has no snapshots', () => {
    expect(() => text(cmd, 'restore', '/x.dump')).toThrow(/postgres/);
  });
});
