// How each seed step is carried out on PostgreSQL. No decisions here — the plan decided what runs
// and what undoes it; this only turns one step into SQL run by psql in the container.
import { createReadStream } from 'node:fs';
import { FoxdevError } from '../../errors.js';
import { putSeedDir, readEntries } from './archive.js';
import { execIn } from '../../runtime/container-io.js';
import { METADATA_DB, writeSeedRecord } from './pg-metadata.js';
import { ident, literal, metaArg, pgEnv, psql, type PgConn } from './psql.js';
import { psqlError } from './sql-error.js';

export interface PgStepContext {
  conn: PgConn;
  /** Hash recorded by a `record-hash` step whose source is the seed. */
  seedHash: string;
  /** Hash recorded after a snapshot restore (what was recorded when the snapshot was saved). */
  snapshotHash?: string;
  onLog: (line: string) => void;
}

import type { StepRunner } from './run-plan.js';

// Empties every user table in one statement, inside the seed's transaction. Tables owned by
// extensions are left alone (their contents are the extension's, not the seed's).
const TRUNCATE_ALL = `DO $foxdev$
DECLARE stmt text;
BEGIN
  SELECT 'TRUNCATE TABLE ' || string_agg(format('%I.%I', n.nspname, c.relname), ', ') || ' RESTART IDENTITY CASCADE'
    INTO stmt
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
     AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');
  IF stmt IS NOT NULL THEN EXECUTE stmt; END IF;
END
$foxdev$;
`;

// In one session: when the target exists, stop new connections to it, end the current ones and
// rename both in one transaction; otherwise just rename the replacement. psql's \if decides, so
// the happy path costs one exec.
function swapScript(target: string, replacement: string, retired: string): string {
  return `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ${literal(replacement)}) AS foxdev_has_replacement,
       EXISTS (SELECT 1 FROM pg_database WHERE datname = ${literal(target)}) AS foxdev_has_target \\gset
\\if :foxdev_has_replacement
\\else
DO $foxdev$ BEGIN RAISE EXCEPTION 'database ${replacement.replace(/'/g, "''")} does not exist; nothing to swap in'; END $foxdev$;
\\endif
\\if :foxdev_has_target
ALTER DATABASE ${ident(target)} WITH ALLOW_CONNECTIONS false;
SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = ${literal(target)} AND pid <> pg_backend_pid() \\g /dev/null
BEGIN;
ALTER DATABASE ${ident(target)} RENAME TO ${ident(retired)};
ALTER DATABASE ${ident(replacement)} RENAME TO ${ident(target)};
COMMIT;
\\else
ALTER DATABASE ${ident(replacement)} RENAME TO ${ident(target)};
\\endif
`;
}

export function postgresStepRunner(ctx: PgStepContext): StepRunner {
  const { conn } = ctx;
  const admin = async (sql: string, what: string): Promise<string> => {
    const r = await psql(conn, METADATA_DB, sql, { onStderr: ctx.onLog });
    if (r.exitCode !== 0) throw psqlError(r.stderr, new Map(), what);
    return r.stdout;
  };
  const exists = async (db: string): Promise<boolean> =>
    (await admin(`SELECT count(*) FROM pg_database WHERE datname = ${literal(db)};\n`, `looking up "${db}"`)).trim() === '1';
  // Stop new sessions and end current ones, so the database can be renamed or copied.
  const closeDatabase = (db: string) =>
    admin(
      `ALTER DATABASE ${ident(db)} WITH ALLOW_CONNECTIONS false;
SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = ${literal(db)} AND pid <> pg_backend_pid();\n`,
      `closing connections to "${db}"`,
    );
  const reopenDatabase = (db: string) =>
    admin(`ALTER DATABASE ${ident(db)} WITH ALLOW_CONNECTIONS true;\n`, `reopening "${db}"`).catch(() => undefined);

  return async (step) => {
    switch (step.op) {
      case 'create-database': {
        if (step.ifMissing && (await exists(step.database))) return;
        ctx.onLog(`creating database "${step.database}"`);
        const drops = (step.dropFirst ?? []).map((d) => `DROP DATABASE IF EXISTS ${ident(d)} WITH (FORCE);\n`).join('');
        const create = `SET client_min_messages = warning;\n${drops}CREATE DATABASE ${ident(step.database)} OWNER ${ident(step.owner)}${step.template ? ` TEMPLATE ${ident(step.template)}` : ''};\n`;
        if (!step.template) {
          await admin(create, `creating "${step.database}"`);
          return;
        }
        // A template copy needs the source to have no other sessions.
        await closeDatabase(step.template);
        try {
          await admin(create, `copying "${step.template}" to "${step.database}"`);
        } finally {
          await reopenDatabase(step.template);
        }
        return;
      }
      case 'drop-database':
        ctx.onLog(`dropping ${step.databases.map((d) => `"${d}"`).join(', ')} if present`);
        // One session for all of them: each exec costs ~0.1 s, a large share of a small reseed.
        await admin(
          `SET client_min_messages = warning;\n${step.databases.map((d) => `DROP DATABASE IF EXISTS ${ident(d)} WITH (FORCE);\n`).join('')}`,
          `dropping ${step.databases.join(', ')}`,
        );
        return;
      case 'apply-sql':
        await applySql(ctx, step.database, step.files, step.truncate);
        return;
      case 'swap-database': {
        ctx.onLog(`swapping "${step.replacement}" in as "${step.target}"`);
        // Applications reconnect quickly; a session that slips in between the terminate and the
        // rename makes the rename fail, so close and retry a few times.
        for (let attempt = 1; ; attempt++) {
          try {
            await admin(swapScript(step.target, step.replacement, step.retired), `swapping "${step.replacement}" in as "${step.target}"`);
            return;
          } catch (err) {
            await reopenDatabase(step.target);
            if (attempt >= 3 || !/being accessed by other users/.test((err as Error).message)) throw err;
          }
        }
      }
      case 'restore-dump': {
        ctx.onLog(`restoring ${step.snapshot} into "${step.database}"`);
        const r = await execIn(conn.container, ['pg_restore', '--exit-on-error', '-U', conn.user, '-d', step.database], {
          stdin: createReadStream(step.snapshot),
          env: pgEnv(conn),
          onStderr: ctx.onLog,
        });
        if (r.exitCode !== 0) throw new FoxdevError('seed', `pg_restore of ${step.snapshot} failed: ${r.stderr.trim() || `exit code ${r.exitCode}`}`);
        return;
      }
      case 'run-command': {
        ctx.onLog(`running ${step.purpose} command ${JSON.stringify(step.command)}`);
        const r = await execIn(conn.container, step.command, { env: pgEnv(conn), onStderr: ctx.onLog });
        if (r.exitCode !== 0)
          throw new FoxdevError('seed', `${step.purpose} command ${JSON.stringify(step.command)} exited with ${r.exitCode}: ${lastLines(r.stderr || r.stdout)}`);
        return;
      }
      case 'record-hash': {
        const hash = step.source === 'snapshot' ? ctx.snapshotHash : ctx.seedHash;
        if (!step.database || !hash) throw new FoxdevError('internal', 'record-hash step without a database or a hash');
        await writeSeedRecord(conn, step.database, hash);
        return;
      }
    }
  };
}

// Every file through psql's `\i` inside one BEGIN … COMMIT. With ON_ERROR_STOP the first error
// ends psql before COMMIT, the connection closes, and the server rolls everything back.
async function applySql(ctx: PgStepContext, database: string, files: Array<{ path: string; display: string; inContainer: string }>, truncate: boolean): Promise<void> {
  ctx.onLog(`applying ${files.length} file(s) to "${database}" in one transaction`);
  const dir = await putSeedDir(ctx.conn.container, await readEntries(files));
  {
    // ECHO=errors prints the failing statement, which lets the error name its exact line.
    const script = ['\\set ECHO errors', 'BEGIN;', truncate ? TRUNCATE_ALL : '', ...files.map((f) => `\\i ${metaArg(f.inContainer)}`), 'COMMIT;', ''].join('\n');
    const r = await psql(ctx.conn, database, script, { workdir: dir, onStderr: ctx.onLog, removeAfter: dir });
    if (r.exitCode !== 0) {
      const names = new Map(files.map((f) => [f.inContainer, f.display]));
      throw psqlError(r.stderr, names, `seeding "${database}"`, 'the seed ran in one transaction and was rolled back; the previous data is unchanged');
    }
  }
}

function lastLines(s: string, n = 5): string {
  return s.trim().split('\n').slice(-n).join('\n');
}
