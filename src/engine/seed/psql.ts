// psql inside the database container, over its local socket. Scripts arrive on stdin; seed files
// are read by psql itself (`\i`) from the copied seed directory, so its messages name them.
import type { ContainerHandle } from '../../runtime/container-handle.js';
import { execIn } from '../../runtime/container-io.js';
import type { ExecResult } from '../../runtime/runtime.js';

export interface PgConn {
  container: ContainerHandle;
  user: string;
  password?: string;
}

/** A quoted identifier: "name", with embedded quotes doubled. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A quoted SQL string literal. */
export const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** A single-quoted argument of a psql backslash command (quotes doubled, backslashes escaped). */
export const metaArg = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export interface PsqlOptions {
  workdir?: string;
  onStderr?: (line: string) => void;
  /** A directory to delete once psql has finished, in the same exec (saves a round trip). */
  removeAfter?: string;
}

/**
 * Run a script: ON_ERROR_STOP makes the first error end psql with exit code 3, and an open
 * transaction is then rolled back by the server when the connection closes.
 */
export function psql(conn: PgConn, database: string, script: string, opts: PsqlOptions = {}): Promise<ExecResult> {
  const args = ['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-U', conn.user, '-d', database, '-f', '-'];
  const cmd = opts.removeAfter ? ['sh', '-c', 'psql "$@"; rc=$?; rm -rf "$FOXDEV_REMOVE"; exit $rc', 'sh', ...args.slice(1)] : args;
  return execIn(conn.container, cmd, {
    stdin: script,
    env: { ...pgEnv(conn), FOXDEV_REMOVE: opts.removeAfter },
    workdir: opts.workdir,
    onStderr: opts.onStderr,
  });
}

/** The environment every PostgreSQL client gets: password only when configured. */
export function pgEnv(conn: PgConn, database?: string): Record<string, string | undefined> {
  return { PGUSER: conn.user, PGPASSWORD: conn.password, PGDATABASE: database, PGAPPNAME: 'foxdev-seed' };
}
