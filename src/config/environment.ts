// The interpolation environment: the shell's variables over the project's `.env` file (compose's
// precedence; env_file entries only feed containers and come last, see resolve-service.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { parseDotenv, parseRawEnv } from './dotenv.js';
import type { Lookup } from './interpolate.js';

export interface Environment {
  lookup: Lookup;
  /** Merged variables (shell over .env), for COMPOSE_* settings. */
  vars: Record<string, string | undefined>;
  /** What the .env (or --env-file) files alone set. */
  dotenv: Record<string, string>;
}

/**
 * `files`: the --env-file / COMPOSE_ENV_FILES list (absolute), which replaces `<dir>/.env`; each
 * must exist, later ones win and see the earlier ones.
 */
export function loadEnvironment(dir: string, shell: NodeJS.ProcessEnv, problems: Problem[], files?: string[]): Environment {
  const dotenv: Record<string, string> = {};
  for (const file of files ?? [path.join(dir, '.env')]) {
    if (!existsSync(file)) {
      if (files) problems.push({ file, message: `env file ${file} not found` });
      continue;
    }
    const parsed = parseDotenv(readText(file, problems) ?? '', (name) => shell[name] ?? dotenv[name]);
    Object.assign(dotenv, parsed.values);
    for (const e of parsed.errors) problems.push({ file, line: e.line, message: e.message });
  }
  const vars = { ...dotenv, ...shell };
  return { vars, dotenv, lookup: (name) => vars[name] };
}

export interface EnvFileEntry {
  path: string;
  required: boolean;
  /** "raw": values as written, no interpolation or quote handling. */
  format?: string;
}

/**
 * Read env_file entries in order (later files win). ${VAR} in a file resolves from the files
 * read before it, then the lookup (shell over .env), then earlier lines of the same file, as
 * compose does. A missing file is a problem only when `required` (the default).
 */
export function readEnvFiles(entries: EnvFileEntry[], lookup: Lookup, problems: Problem[], where: string): Record<string, string> {
  const out: Record<string, string> = {};
  const chained: Lookup = (name) => (name in out ? out[name] : lookup(name));
  for (const entry of entries) {
    if (!existsSync(entry.path)) {
      if (entry.required) problems.push({ path: where, message: `env file ${entry.path} not found` });
      continue;
    }
    if (entry.format !== undefined && entry.format !== 'raw') {
      problems.push({ path: where, message: `unsupported env_file format "${entry.format}" (the default format and "raw" are supported)` });
      continue;
    }
    const text = readText(entry.path, problems, where);
    if (text === undefined) continue;
    const parsed = entry.format === 'raw' ? parseRawEnv(text) : parseDotenv(text, chained);
    for (const e of parsed.errors) problems.push({ file: entry.path, line: e.line, message: e.message });
    Object.assign(out, parsed.values);
  }
  return out;
}

function readText(file: string, problems: Problem[], where?: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ ...(where ? { path: where } : { file }), message: `cannot read env file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
}
