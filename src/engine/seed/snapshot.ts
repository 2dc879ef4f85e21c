// Snapshots: `pg_dump -Fc` streamed out of the container into
// <projectDir>/.foxdev/snapshots/<service>/<name>.dump, with <name>.json beside it recording
// which seed hash the data carried. Restoring goes through the seed plan (pg_restore into a side
// database, swapped in only when it succeeded) — see restoreSnapshot in ./api.ts.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FoxdevError } from '../../errors.js';
import { execIn } from '../../runtime/container-io.js';
import { readSeedRecord } from './pg-metadata.js';
import { pgEnv, type PgConn } from './psql.js';

export interface SnapshotMeta {
  database: string;
  /** The seed hash recorded for the database when it was saved, if any. */
  hash?: string;
  savedAt: string;
  bytes: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function snapshotDir(projectDir: string, service: string): string {
  return path.join(projectDir, '.foxdev', 'snapshots', service);
}

export function snapshotPaths(dir: string, name: string): { dump: string; meta: string } {
  if (!NAME.test(name) || name.includes('..'))
    throw new FoxdevError('usage', `snapshot name "${name}" may only hold letters, digits, ".", "_" and "-"`);
  return { dump: path.join(dir, `${name}.dump`), meta: path.join(dir, `${name}.json`) };
}

/** A snapshot name given on the command line, checked before anything is touched. */
export function checkSnapshotName(flag: string, name: string): void {
  if (!NAME.test(name) || name.includes('..'))
    throw new FoxdevError('usage', `${flag} ${name}: a snapshot name may only hold letters, digits, ".", "_" and "-" (no "/"), starting with a letter or digit`);
}

/** --restore NAME: the snapshot must exist for the service, before dependents are stopped or the engine asked. */
export async function checkSnapshotExists(projectDir: string, service: string, name: string): Promise<void> {
  checkSnapshotName('--restore', name);
  const dir = snapshotDir(projectDir, service);
  const { dump } = snapshotPaths(dir, name);
  if (await stat(dump).then((s) => s.isFile(), () => false)) return;
  const known = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.dump')).map((f) => f.slice(0, -5)).sort();
  throw new FoxdevError('usage', `no snapshot named "${name}" for ${service} (have: ${known.length ? known.join(', ') : 'none'})`, {
    hint: known.length ? `saved snapshots: ${known.join(', ')}, in ${path.relative(projectDir, dir)}/` : `save one first with foxdev seed --save NAME ${service}`,
  });
}

export async function dumpDatabase(conn: PgConn, database: string, dir: string, name: string, onLog: (l: string) => void): Promise<SnapshotMeta> {
  const { dump, meta } = snapshotPaths(dir, name);
  await mkdir(dir, { recursive: true });
  const partial = `${dump}.partial`;
  const out = createWriteStream(partial);
  onLog(`pg_dump "${database}" → ${dump}`);
  try {
    const r = await execIn(conn.container, ['pg_dump', '-Fc', '-U', conn.user, '-d', database], { stdout: out, env: pgEnv(conn), onStderr: onLog });
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (r.exitCode !== 0) throw new FoxdevError('seed', `pg_dump of "${database}" failed: ${r.stderr.trim() || `exit code ${r.exitCode}`}`);
    // Only a complete dump takes the name; an earlier snapshot of that name stays until then.
    await rename(partial, dump);
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
  const record = await readSeedRecord(conn, database);
  const data: SnapshotMeta = {
    database,
    hash: record.currentOid && record.recordedOid === record.currentOid ? record.hash : undefined,
    savedAt: new Date().toISOString(),
    bytes: (await stat(dump)).size,
  };
  await writeFile(meta, JSON.stringify(data, null, 2) + '\n');
  return data;
}

export async function readSnapshot(dir: string, name: string): Promise<{ dump: string; meta?: SnapshotMeta }> {
  const { dump, meta } = snapshotPaths(dir, name);
  try {
    await stat(dump);
  } catch {
    const known = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.dump')).map((f) => f.slice(0, -5));
    throw new FoxdevError('usage', `no snapshot named "${name}" in ${dir}`, {
      hint: known.length ? `saved snapshots: ${known.join(', ')}` : 'save one first with foxdev seed --save NAME',
    });
  }
  const m = await readFile(meta, 'utf8').then((t) => JSON.parse(t) as SnapshotMeta, () => undefined);
  return { dump, meta: m };
}

