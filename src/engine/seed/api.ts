// The seeding library: what `foxdev up` (seed a new volume before dependents start), `foxdev seed`
// and the dashboard's `s` key call. Everything runs inside the database's container through the
// Engine API. Each function builds a plan (src/plan/seed.ts) and walks it.
import type { ContainerHandle } from '../../runtime/container-handle.js';
import type { ResolvedSeed } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { planSeed, type SeedMode, type SeedPlan } from '../../plan/seed.js';
import { commonDir } from '../../plan/seed-files.js';
import { commandStatus, readCommandRecord } from './command-record.js';
import { commandStepRunner } from './command-steps.js';
import { expandSeedFiles } from './expand.js';
import { computeSeedHash } from './hash.js';
import { readSeedRecord, statusOf, type SeedStatus } from './pg-metadata.js';
import { postgresStepRunner } from './pg-steps.js';
import { runSeedPlan } from './run-plan.js';
import { dumpDatabase, readSnapshot, type SnapshotMeta } from './snapshot.js';

export type { SeedStatus } from './pg-metadata.js';

export interface SeedOptions {
  /** Service name, for plans and messages (default "db"). */
  service?: string;
  /** Project directory: seed file paths in hashes and messages are relative to it. */
  projectDir?: string;
  /** Progress lines (and psql notices) for the service's log pane. */
  onLog?: (line: string) => void;
}

type PgSeed = Extract<ResolvedSeed, { kind: 'postgres' }>;

const conn = (container: ContainerHandle, seed: PgSeed) => ({ container, user: seed.user, password: seed.password });
const projectDirOf = (seed: ResolvedSeed, opts: SeedOptions) => opts.projectDir ?? commonDir(seed.files);

/** unseeded: nothing recorded (a new volume); seeded: the current inputs were applied; changed: other inputs were. */
export async function seedStatus(container: ContainerHandle, given: ResolvedSeed, opts: SeedOptions = {}): Promise<SeedStatus> {
  const seed = await expandSeedFiles(given);
  const hash = await computeSeedHash(seed, projectDirOf(seed, opts));
  if (seed.kind === 'command') return commandStatus(await readCommandRecord(container), hash);
  return statusOf(await readSeedRecord(conn(container, seed), seed.database), hash);
}

/** First seed: applies the files to the (possibly new) database in one transaction; drops nothing. */
export function applySeed(container: ContainerHandle, seed: ResolvedSeed, opts: SeedOptions = {}): Promise<void> {
  return run(container, seed, 'apply', opts);
}

/**
 * What `foxdev up` calls once the database is ready and before its dependents start: seeds only
 * when nothing was ever recorded (a new volume). Existing data is never re-seeded silently — a
 * changed seed is reported as 'changed' and left for `foxdev seed`.
 * @returns 'applied' when it seeded now, otherwise the status it found.
 */
export async function ensureSeeded(container: ContainerHandle, seed: ResolvedSeed, opts: SeedOptions = {}): Promise<'applied' | 'seeded' | 'changed'> {
  const status = await seedStatus(container, seed, opts);
  if (status !== 'unseeded') return status;
  await applySeed(container, seed, opts);
  return 'applied';
}

/** Reset with the configured strategy and seed again; the previous data survives any failure. */
export function resetAndSeed(container: ContainerHandle, seed: ResolvedSeed, opts: SeedOptions = {}): Promise<void> {
  return run(container, seed, 'reset', opts);
}

/** Save the database as <dir>/<name>.dump (pg_dump custom format). */
export async function saveSnapshot(container: ContainerHandle, seed: ResolvedSeed, name: string, dir: string, opts: SeedOptions = {}): Promise<SnapshotMeta> {
  const pg = postgresOnly(seed, 'snapshots');
  return dumpDatabase(conn(container, pg), pg.database, dir, name, opts.onLog ?? (() => {}));
}

/** Replace the database with <dir>/<name>.dump: restored into a side database, swapped in on success. */
export async function restoreSnapshot(container: ContainerHandle, seed: ResolvedSeed, name: string, dir: string, opts: SeedOptions = {}): Promise<void> {
  postgresOnly(seed, 'snapshots');
  const snap = await readSnapshot(dir, name);
  // A snapshot saved from unseeded or hand-edited data records a marker that differs from every
  // seed hash, so the database shows as "changed" — and is never re-seeded silently.
  await run(container, seed, 'restore', opts, { snapshot: snap.dump, snapshotHash: snap.meta?.hash ?? `snapshot:${name}` });
}

/** The plan a call would walk, for printing (`formatSeedPlan`). */
export function seedPlanFor(seed: ResolvedSeed, mode: SeedMode, opts: SeedOptions & { snapshot?: string } = {}): SeedPlan {
  return planSeed(seed, mode, { service: opts.service ?? 'db', projectDir: projectDirOf(seed, opts), snapshot: opts.snapshot });
}

async function run(
  container: ContainerHandle,
  given: ResolvedSeed,
  mode: SeedMode,
  opts: SeedOptions,
  restore: { snapshot?: string; snapshotHash?: string } = {},
): Promise<void> {
  const onLog = opts.onLog ?? (() => {});
  const seed = await expandSeedFiles(given);
  const projectDir = projectDirOf(seed, opts);
  const seedHash = await computeSeedHash(seed, projectDir);
  const plan = seedPlanFor(seed, mode, { ...opts, projectDir, snapshot: restore.snapshot });
  const runner =
    seed.kind === 'postgres'
      ? postgresStepRunner({ conn: conn(container, seed), seedHash, snapshotHash: restore.snapshotHash, onLog })
      : commandStepRunner({ container, projectDir, seedHash, onLog });
  await runSeedPlan(plan, runner, onLog);
}

function postgresOnly(seed: ResolvedSeed, what: string): PgSeed {
  if (seed.kind !== 'postgres')
    throw new FoxdevError('usage', `${what} are only available for postgres seeds`, { hint: 'the generic (command) form has no dump format foxdev knows' });
  return seed;
}
