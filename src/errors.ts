// One error base class for everything foxdev reports to a person. `kind` is for code (the CLI
// maps it to an exit code), `hint` is the next step for the person, `cause` keeps the original.

export type ErrorKind =
  | 'usage' // bad flags or arguments
  | 'not-found' // a service named on the command line is not in the project (compose exits 1, not 2)
  | 'config' // the project description is invalid
  | 'conflict' // two things claim one name, e.g. a container_name (compose exits 1, not 2)
  | 'engine' // the Docker engine is missing or refused a request
  | 'dependency' // a service could not start because something it needs failed
  | 'seed' // a seed or reset failed
  | 'sync' // a sync rule or transfer failed
  | 'io' // reading or writing the user's files failed
  | 'timeout'
  | 'cancelled'
  | 'internal';

export class FoxdevError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FoxdevError';
    this.kind = kind;
    this.hint = opts.hint;
  }
}

/** One problem found while validating; a ConfigError carries all of them at once. */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  /** Key path, e.g. "services.api.ports[0]". */
  path?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '';
  const key = p.path ? `${p.path}: ` : '';
  return `${where ? `${where}: ` : ''}${key}${p.message}`;
}

export class ConfigError extends FoxdevError {
  readonly problems: Problem[];
  constructor(problems: Problem[], opts: { hint?: string; cause?: unknown } = {}) {
    const head = problems.length === 1 ? formatProblem(problems[0]) : `${problems.length} problems in the configuration`;
    super('config', head, opts);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `no such service: x (have: a, b)`, compose's words and exit code 1; `prefix` names the flag that named it. */
export function noSuchService(name: string, have: Iterable<string>, o: { prefix?: string; hint?: string } = {}): FoxdevError {
  return new FoxdevError('not-found', `${o.prefix ?? ''}no such service: ${name} (have: ${[...have].join(', ') || 'none'})`, { hint: o.hint });
}

/** Exit codes: 1 runtime failure, 2 bad input (usage or config; an unknown service name is 1, as in compose), 130 interrupted. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof FoxdevError)) return 70; // EX_SOFTWARE: a bug in foxdev
  switch (err.kind) {
    case 'usage':
    case 'config':
      return 2;
    case 'cancelled':
      return 130;
    case 'internal':
      return 70;
    default:
      return 1;
  }
}
