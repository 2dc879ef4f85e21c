// Turning psql's ON_ERROR_STOP output into an error a person can act on: the seed file as they
// named it, the line, and the server's own message.
import { FoxdevError } from '../../errors.js';

export class SeedSqlError extends FoxdevError {
  readonly file?: string;
  readonly line?: number;
  readonly serverMessage: string;
  constructor(message: string, fields: { file?: string; line?: number; serverMessage: string; hint?: string }) {
    super('seed', message, { hint: fields.hint });
    this.name = 'SeedSqlError';
    this.file = fields.file;
    this.line = fields.line;
    this.serverMessage = fields.serverMessage;
  }
}

const LOCATED = /^psql:(.+?):(\d+): (?:ERROR|FATAL|PANIC):\s+(.*)$/;
const BARE = /^(?:psql: )?(?:ERROR|FATAL|PANIC|error):\s+(.*)$/;
const STATEMENT = /^psql:(.+?):(\d+): STATEMENT:\s\s?/;

/**
 * @param names container-side file name → the name the user knows; psql reports the path it was
 *   given to `\i`, which is relative to the seed directory.
 * @param what what was being done, e.g. 'seeding "app"'.
 */
export function psqlError(stderr: string, names: ReadonlyMap<string, string>, what: string, hint?: string): SeedSqlError {
  const lines = stderr.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = LOCATED.exec(lines[i]);
    if (!m) continue;
    const [, where, endLine, msg] = m;
    const file = names.get(where) ?? (where === '<stdin>' ? undefined : where);
    // psql prints the statement's context ("LINE 2: …" and a caret) beneath; keep it.
    const rest = lines.slice(i + 1);
    const stmtAt = rest.findIndex((l) => STATEMENT.test(l));
    const context = (stmtAt < 0 ? rest : rest.slice(0, stmtAt)).filter((l) => /^(LINE \d+:|DETAIL:|HINT:|CONTEXT:|\s+\^)/.test(l));
    const line = exactLine(Number(endLine), rest, stmtAt, context);
    const head = file ? `${file}:${line}: ${msg}` : `${what}: ${msg}`;
    return new SeedSqlError(context.length ? `${head}\n${context.join('\n')}` : head, {
      file,
      line: file ? line : undefined,
      serverMessage: msg,
      hint,
    });
  }
  const bare = lines.map((l) => BARE.exec(l)).find((m) => m);
  const msg = bare ? bare[1] : stderr.trim() || 'psql failed without a message';
  return new SeedSqlError(`${what}: ${msg}`, { serverMessage: msg, hint });
}

// psql names the line where the failing statement ENDS. With ECHO=errors it also prints the
// statement ("psql:f:L: STATEMENT:  …"), so its first line is L minus its line breaks, and the
// server's "LINE n:" points within it: together, the line the error is on.
function exactLine(endLine: number, rest: string[], stmtAt: number, context: string[]): number {
  if (stmtAt < 0) return endLine;
  const first = rest[stmtAt].replace(STATEMENT, '');
  const more = rest.slice(stmtAt + 1);
  const stop = more.findIndex((l) => /^psql:/.test(l));
  const stmt = [first, ...(stop < 0 ? more : more.slice(0, stop))].join('\n').replace(/\n+$/, '');
  const start = endLine - (stmt.split('\n').length - 1);
  const within = context.map((l) => /^LINE (\d+):/.exec(l)).find((m) => m);
  const line = within ? start + Number(within[1]) - 1 : start;
  return line >= 1 && line <= endLine ? line : endLine;
}
