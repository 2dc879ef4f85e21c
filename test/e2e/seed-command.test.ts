// The generic seed form on a second kind of store: SQLite in foxdev/sqlite:3 (built offline by
// scripts/images/seed-extra.sh), seeded by a command in the container and by one on the host.
import { execa } from 'execa';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { execIn } from '../../src/runtime/docker/exec.js';
import { ensureSeeded, resetAndSeed, saveSnapshot, seedStatus } from '../../src/engine/seed/index.js';
import { requireEngine } from '../helpers/engine.js';
import { copyFixture, docker, repoRoot, startContainer, type Started } from './seed-support.js';

const available = await requireEngine();

describe.skipIf(!available)('seed (generic command form, SQLite)', () => {
  let store: Started;
  let dir: string;
  let seed: Extract<ResolvedSeed, { kind: 'command' }>;
  const opts = () => ({ projectDir: dir, service: 'flags' });
  const query = async (q: string) => {
    const r = await execIn(store.container, ['sqlite3', '/data/flags.db', q]);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };

  beforeAll(async () => {
    const image = await docker.getImage('foxdev/sqlite:3').inspect().catch(() => undefined);
    if (!image) await execa('bash', [path.join(repoRoot, 'scripts/images/seed-extra.sh')], { stdio: 'inherit' });
    dir = await copyFixture('seed-sqlite');
    seed = {
      kind: 'command',
      command: ['sh', '-c', 'for f in $FOXDEV_SEED_FILES; do sqlite3 -bail /data/flags.db < "$f" || exit 1; done'],
      where: 'container',
      files: [path.join(dir, 'seed/01-schema.sql'), path.join(dir, 'seed/02-rows.sql')],
      reset: { command: ['rm', '-f', '/data/flags.db'] },
      dependents: 'none',
    };
    store = await startContainer({ image: 'foxdev/sqlite:3', mount: '/data', cmd: ['sleep', '3600'] });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await store?.remove();
  });

  it('seeds a new volume once, then reports it seeded', async () => {
    expect(await seedStatus(store.container, seed, opts())).toBe('unseeded');
    expect(await ensureSeeded(store.container, seed, opts())).toBe('applied');
    expect(await query('SELECT group_concat(name) FROM (SELECT name FROM flags ORDER BY name)')).toBe('beta-ui,checkout,search');
    expect(await ensureSeeded(store.container, seed, opts())).toBe('seeded');
    // The record lives on the volume, beside the data.
    expect((await execIn(store.container, ['cat', '/data/.foxdev-seed'])).stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reset runs the reset command and seeds again', async () => {
    await query(`UPDATE flags SET enabled = 0; INSERT INTO flags VALUES ('junk', 1);`);
    await resetAndSeed(store.container, seed, opts());
    expect(await query('SELECT count(*), sum(enabled) FROM flags')).toBe('3|2');
  });

  it('a changed file shows as changed; a failing command is reported with its output', async () => {
    const rows = path.join(dir, 'seed/02-rows.sql');
    await writeFile(rows, (await readFile(rows, 'utf8')).replace("('beta-ui', 1)", "('beta-ui', 1), ('dark-mode', 1)"));
    expect(await seedStatus(store.container, seed, opts())).toBe('changed');
    const broken = { ...seed, reset: undefined, files: [...seed.files, path.join(dir, 'seed/03-broken.sql')] };
    await writeFile(path.join(dir, 'seed/03-broken.sql'), 'BEGIN;\nDELETE FROM flags;\nINSERT INTO nope VALUES (1);\nCOMMIT;\n');
    await expect(resetAndSeed(store.container, broken, opts())).rejects.toThrow(/exited with 1: .*no such table: nope/s);
    // The file's own transaction kept its DELETE from landing.
    expect(await query('SELECT count(*) FROM flags')).toBe('4');
    await resetAndSeed(store.container, seed, opts());
    expect(await seedStatus(store.container, seed, opts())).toBe('seeded');
  });

  it('runs on the host with the files where they are and the container named', async () => {
    const out = path.join(dir, 'host-run.txt');
    const host: ResolvedSeed = {
      kind: 'command',
      command: ['sh', '-c', `printf '%s\\n' "$FOXDEV_CONTAINER" "$FOXDEV_SEED_FILES" > ${out}`],
      where: 'host',
      files: [path.join(dir, 'seed/01-schema.sql')],
      dependents: 'none',
    };
    expect(await ensureSeeded(store.container, host, opts())).toBe('changed'); // another seed's record is there
    await resetAndSeed(store.container, host, opts());
    expect((await readFile(out, 'utf8')).split('\n')).toEqual([store.container.id, path.join(dir, 'seed/01-schema.sql'), '']);
    expect(await seedStatus(store.container, host, opts())).toBe('seeded');
  });

  it('has no snapshots', async () => {
    await expect(saveSnapshot(store.container, seed, 'x', dir)).rejects.toThrow(/only available for postgres/);
  });
});
