// Which files describe the project: `-f` files if given, else a foxdev.config.* in the directory,
// else COMPOSE_FILE, else the first compose file by compose's own names (zero config).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

export const CONFIG_NAMES = ['foxdev.config.ts', 'foxdev.config.mts', 'foxdev.config.mjs', 'foxdev.config.js'];

/** A foxdev config is code (.ts/.mts/.cts/.js/.mjs/.cjs); anything else is a compose file. */
export function isFoxdevConfigFile(file: string): boolean {
  return /\.(c|m)?(t|j)s$/.test(file);
}

export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export function findConfigFiles(cwd: string, files: string[] | undefined, vars: Record<string, string | undefined>): string[] {
  if (files && files.length > 0) {
    const resolved = files.map((f) => path.resolve(cwd, f));
    const missing = resolved.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new ConfigError(missing.map((f) => ({ file: f, message: 'file not found' })));
    return resolved;
  }
  const own = CONFIG_NAMES.map((n) => path.join(cwd, n)).find(existsSync);
  if (own) return [own];
  if (vars.COMPOSE_FILE) {
    const sep = vars.COMPOSE_PATH_SEPARATOR ?? path.delimiter;
    return findConfigFiles(cwd, vars.COMPOSE_FILE.split(sep).filter(Boolean), {});
  }
  const compose = COMPOSE_NAMES.map((n) => path.join(cwd, n)).find(existsSync);
  if (compose) return [compose];
  throw new ConfigError([{ file: cwd, message: `no ${CONFIG_NAMES[0]} or compose file (${COMPOSE_NAMES.join(', ')}) here` }], {
    hint: 'run foxdev in a project directory, pass -C <dir>, or name files with -f',
  });
}
