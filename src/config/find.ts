// Which files describe the project, in compose's order: `-f` files if given; else a
// foxdev.config.* in the start directory (foxdev's own file wins there); else COMPOSE_FILE; else
// discovery from the start directory upwards, as compose does: in the nearest directory that has
// one, a foxdev.config.*, or the first compose file by compose's names plus its override file.
// `-f` and COMPOSE_FILE paths are relative to where foxdev runs (cwd), as compose's are.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

export const CONFIG_NAMES = ['foxdev.config.ts', 'foxdev.config.mts', 'foxdev.config.mjs', 'foxdev.config.js'];

/** A foxdev config is code (.ts/.mts/.cts/.js/.mjs/.cjs); anything else is a compose file. */
export function isFoxdevConfigFile(file: string): boolean {
  return /\.(c|m)?(t|j)s$/.test(file);
}

export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
/** Merged over the compose file found by discovery (never over -f or COMPOSE_FILE files). */
export const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/**
 * `start`: where discovery begins (--project-directory, else cwd). Throws a ConfigError when a
 * named file is missing or nothing is found up to the root.
 */
export function findConfigFiles(cwd: string, files: string[] | undefined, vars: Record<string, string | undefined>, start: string = cwd): string[] {
  if (files && files.length > 0) {
    const resolved = files.map((f) => path.resolve(cwd, f));
    const missing = resolved.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new ConfigError(missing.map((f) => ({ file: f, message: 'file not found' })));
    return resolved;
  }
  const notFound = (hint: string) =>
    new ConfigError([{ file: start, message: `no ${CONFIG_NAMES[0]} or compose file (${COMPOSE_NAMES.join(', ')}) here or in a parent directory` }], { hint });
  if (!isDirectory(start)) throw notFound(`${start} is not a directory`);
  const own = CONFIG_NAMES.map((n) => path.join(start, n)).find(existsSync);
  if (own) return [own];
  if (vars.COMPOSE_FILE) {
    const sep = vars.COMPOSE_PATH_SEPARATOR || path.delimiter;
    return findConfigFiles(cwd, vars.COMPOSE_FILE.split(sep).filter(Boolean), {});
  }
  for (let dir = start; ; dir = path.dirname(dir)) {
    const found = filesIn(dir);
    if (found) return found;
    if (path.dirname(dir) === dir) break;
  }
  throw notFound('run foxdev in a project directory, pass -C <dir>, or name files with -f');
}

function filesIn(dir: string): string[] | undefined {
  const own = CONFIG_NAMES.map((n) => path.join(dir, n)).find(existsSync);
  if (own) return [own];
  const compose = COMPOSE_NAMES.map((n) => path.join(dir, n)).find(existsSync);
  if (!compose) return undefined;
  const override = OVERRIDE_NAMES.map((n) => path.join(dir, n)).find(existsSync);
  return override ? [compose, override] : [compose];
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
