// The shape of foxdev's own keys, for the same "every problem at once" validation compose keys
// get from the JSON schema. Keep in step with types.ts (the compiler checks user configs; this
// checks .js configs and compose `x-foxdev` blocks, and gives locations).
import { formatPath } from './keypath.js';
import { bool, command, count, duration, either, httpStatus, httpUrl, isObject, positiveInt, list, obj, oneOf, port, scalarMap, str, stringList, type Shape } from './shape.js';

const timing = { interval: duration, timeout: duration, retries: count, start_period: duration };

const has = (key: string) => (v: unknown) => isObject(v) && key in (v as object);

export const readyProbe: Shape = either(
  'a probe with one of "http", "tcp", "exec" or "log"',
  [has('http'), obj({ http: either('a URL or { url, status }', [(v) => typeof v === 'string', httpUrl], [isObject, obj({ url: httpUrl, status: httpStatus }, ['url'])]), ...timing })],
  [has('tcp'), obj({ tcp: either('a port or { port, host }', [(v) => typeof v === 'number', port], [isObject, obj({ port, host: str }, ['port'])]), ...timing })],
  [has('exec'), obj({ exec: command, ...timing })],
  [has('log'), obj({ log: str, ...timing })],
  [isObject, (v, at, out) => {
    // None of the probe keys: say which are possible (and catch misspellings of them).
    const before = out.length;
    obj({ http: str, tcp: port, exec: command, log: str, ...timing })(v, at, out);
    if (out.length === before) out.push({ segments: at, path: formatPath(at), message: 'a probe needs one of "http", "tcp", "exec" or "log"' });
  }],
);

export const syncRule: Shape = obj(
  {
    path: str,
    target: str,
    action: oneOf('sync', 'sync+restart', 'sync+exec', 'rebuild', 'restart'),
    exec: command,
    ignore: stringList,
    include: stringList,
    initial_sync: bool,
  },
  ['path'],
);

const dependents = oneOf('restart', 'pause', 'none');

export const seed: Shape = either(
  'a seed with "postgres" or "command"',
  [
    has('postgres'),
    obj({
      postgres: obj({ database: str, user: str, password: str, files: stringList }, ['database', 'files']),
      reset: either('"recreate", "truncate" or { command }', [(v) => typeof v === 'string', oneOf('recreate', 'truncate')], [isObject, obj({ command }, ['command'])]),
      dependents,
    }),
  ],
  [isObject, obj({ command, where: oneOf('container', 'host'), files: stringList, reset: obj({ command }, ['command']), dependents }, ['command'])],
);

export const run: Shape = obj({ command, cwd: str, env: scalarMap }, ['command']);

/** foxdev's keys on a service (in foxdev.config.ts directly, in compose under `x-foxdev`). */
export const foxdevServiceFields: Record<string, Shape> = {
  ready: either('a probe or a list of probes', [Array.isArray, list(readyProbe)], [() => true, readyProbe]),
  sync: list(syncRule),
  seed,
  run,
  oneshot: bool,
};

/** Top-level keys of foxdev.config.ts other than `services`. */
export const foxdevTopFields: Record<string, Shape> = {
  name: str,
  compose: either('a file or a list of files', [(v) => typeof v === 'string', str], [() => true, stringList]),
  logBuffer: positiveInt,
  web: bool,
};
