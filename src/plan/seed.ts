// Seed plans. PURE: from a ResolvedSeed decide which steps run, in which order, and what undoes
// each of them; the engine's executor walks the steps and makes no decisions of its own.
//
// Safety model (the previous data survives any failure):
// - recreate (PostgreSQL default): seed a fresh side database "<db>__foxdev_new" in one
//   transaction, and only when that commits swap it in by two renames in one transaction. A
//   failing file never touches the live database; the side database is dropped.
// - truncate: TRUNCATE and every file run in ONE transaction in the live database; PostgreSQL's
//   TRUNCATE is transactional, so a failure rolls the truncate back too.
// - custom command: the command is opaque, so a file-level copy of the database
//   (CREATE DATABASE … TEMPLATE) is taken first and swapped back if the command or the seed fails.
// - snapshot restore: pg_restore into a side database, swapped in on success.
// Only the database the config names and foxdev's own side databases derived from it are touched.
import type { ResolvedSeed } from '../config/project.js';
import { commonDir, seedFiles, type SeedFile } from './seed-files.js';

export type { SeedFile } from './seed-files.js';

export type SeedStep =
  /** `dropFirst`: foxdev's own leftovers to drop in the same round trip before creating. */
  | { op: 'create-database'; database: string; owner: string; ifMissing?: boolean; template?: string; dropFirst?: string[] }
  | { op: 'drop-database'; databases: string[] }
  /** Every file, in order, in one transaction; `truncate` empties all user tables first, inside it. */
  | { op: 'apply-sql'; database: string; files: SeedFile[]; truncate: boolean }
  /** Atomically: target → retired (when target exists), replacement → target. */
  | { op: 'swap-database'; target: string; replacement: string; retired: string }
  | { op: 'restore-dump'; database: string; snapshot: string }
  | { op: 'run-command'; purpose: 'reset' | 'seed'; command: string[]; where: 'container' | 'host'; files: SeedFile[] }
  /** Remember what is now in the database: the seed's hash, or the one saved with a snapshot. */
  | { op: 'record-hash'; database?: string; source: 'seed' | 'snapshot' };

export interface PlannedStep {
  step: SeedStep;
  /**
   * Tidying after the data is in place (dropping foxdev's old side copy). It runs alongside the
   * steps after it (the plan ends when it does); a failure is reported as a warning and undoes
   * nothing: the data is already right, and the next run drops leftovers.
   */
  cleanup?: boolean;
  /**
   * Run when this step or any later one fails: steps newest first, each step's list in order.
   * Must be safe when the step did nothing (every drop is IF EXISTS, a swap checks names).
   */
  rollback: SeedStep[];
}

export type SeedMode = 'apply' | 'reset' | 'restore';

export interface SeedPlan {
  service: string;
  mode: SeedMode;
  /** One line: what is being seeded and how. */
  summary: string;
  steps: PlannedStep[];
}

export interface SeedPlanOptions {
  service: string;
  /** Project directory, for the paths people read; defaults to the files' common directory. */
  projectDir?: string;
  /** Absolute path of the snapshot file (mode 'restore'). */
  snapshot?: string;
}

const MAX_IDENT = 63; // PostgreSQL's NAMEDATALEN - 1

/** foxdev's own side databases, derived from the configured name (and only from it). */
export function sideDatabase(database: string, role: 'new' | 'old' | 'backup' | 'failed'): string {
  const suffix = `__foxdev_${role}`;
  return Buffer.byteLength(database + suffix) <= MAX_IDENT ? database + suffix : cutBytes(database, MAX_IDENT - suffix.length) + suffix;
}

function cutBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

const step = (s: SeedStep, rollback: SeedStep[] = []): PlannedStep => ({ step: s, rollback });
const cleanup = (s: SeedStep): PlannedStep => ({ step: s, rollback: [], cleanup: true });

export function planSeed(seed: ResolvedSeed, mode: SeedMode, opts: SeedPlanOptions): SeedPlan {
  const files = seedFiles(seed.files, opts.projectDir ?? commonDir(seed.files));
  if (seed.kind === 'command') return planCommand(seed, mode, opts.service, files);
  const db = seed.database;
  const owner = seed.user;
  if (mode === 'apply') {
    // First seed of a new volume: never drop anything; a failure rolls back and leaves it empty.
    return {
      service: opts.service,
      mode,
      summary: `seed postgres database "${db}" of ${opts.service}`,
      steps: [
        step({ op: 'create-database', database: db, owner, ifMissing: true }),
        step({ op: 'apply-sql', database: db, files, truncate: false }),
        step({ op: 'record-hash', database: db, source: 'seed' }),
      ],
    };
  }
  if (mode === 'restore') {
    if (!opts.snapshot) throw new Error('planSeed: mode "restore" needs opts.snapshot');
    return swapPlan(opts.service, mode, `restore postgres database "${db}" of ${opts.service} from ${opts.snapshot}`, db, owner, {
      op: 'restore-dump',
      database: sideDatabase(db, 'new'),
      snapshot: opts.snapshot,
    }, 'snapshot');
  }
  const reset = seed.reset;
  if (reset === 'recreate') {
    return swapPlan(opts.service, mode, `reset postgres database "${db}" of ${opts.service} (recreate)`, db, owner, {
      op: 'apply-sql',
      database: sideDatabase(db, 'new'),
      files,
      truncate: false,
    }, 'seed');
  }
  if (reset === 'truncate') {
    return {
      service: opts.service,
      mode,
      summary: `reset postgres database "${db}" of ${opts.service} (truncate)`,
      steps: [
        step({ op: 'apply-sql', database: db, files, truncate: true }),
        step({ op: 'record-hash', database: db, source: 'seed' }),
      ],
    };
  }
  const backup = sideDatabase(db, 'backup');
  const failed = sideDatabase(db, 'failed');
  return {
    service: opts.service,
    mode,
    summary: `reset postgres database "${db}" of ${opts.service} (command)`,
    steps: [
      step({ op: 'create-database', database: backup, owner, template: db, dropFirst: [backup, failed] }, [{ op: 'drop-database', databases: [backup] }]),
      step({ op: 'run-command', purpose: 'reset', command: reset.command, where: 'container', files: [] }, [
        { op: 'swap-database', target: db, replacement: backup, retired: failed },
        { op: 'drop-database', databases: [failed] },
      ]),
      step({ op: 'create-database', database: db, owner, ifMissing: true }),
      step({ op: 'apply-sql', database: db, files, truncate: false }),
      step({ op: 'record-hash', database: db, source: 'seed' }),
      cleanup({ op: 'drop-database', databases: [backup] }),
    ],
  };
}

function swapPlan(service: string, mode: SeedMode, summary: string, db: string, owner: string, fill: SeedStep, source: 'seed' | 'snapshot'): SeedPlan {
  const fresh = sideDatabase(db, 'new');
  const old = sideDatabase(db, 'old');
  return {
    service,
    mode,
    summary,
    steps: [
      // Leftovers of an interrupted run carry foxdev's side names, so they are safe to drop.
      step({ op: 'create-database', database: fresh, owner, dropFirst: [fresh, old] }, [{ op: 'drop-database', databases: [fresh] }]),
      step(fill),
      step({ op: 'swap-database', target: db, replacement: fresh, retired: old }),
      // The old copy is dropped while the hash is recorded: the swap is the moment the data changed.
      cleanup({ op: 'drop-database', databases: [old] }),
      step({ op: 'record-hash', database: db, source }),
    ],
  };
}

function planCommand(seed: Extract<ResolvedSeed, { kind: 'command' }>, mode: SeedMode, service: string, files: SeedFile[]): SeedPlan {
  if (mode === 'restore') throw new Error('planSeed: snapshots exist only for postgres seeds');
  const steps: PlannedStep[] = [];
  if (mode === 'reset' && seed.reset) steps.push(step({ op: 'run-command', purpose: 'reset', command: seed.reset.command, where: seed.where, files: [] }));
  steps.push(step({ op: 'run-command', purpose: 'seed', command: seed.command, where: seed.where, files }));
  steps.push(step({ op: 'record-hash', source: 'seed' }));
  return { service, mode, summary: `${mode === 'apply' ? 'seed' : 'reset'} ${service} with a command (${seed.where})`, steps };
}
