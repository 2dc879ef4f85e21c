// The interpolation environment: the shell's variables over the project's `.env` file (compose's
// precedence; env_file entries only feed containers and come last, see resolve-service.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { parseDotenv } from './dotenv.js';
import type { Lookup } from './interpolate.js';

export interface Environment {
  lookup: Lookup;
  /** Merged variables (shell over .env), for COMPOSE_* settings. */
  vars: Record<string, string | undefined>;
}

export function loadEnvironment(dir: string, shell: NodeJS.ProcessEnv, problems: Problem[]): Environment {
  const file = path.join(dir, '.env');
  let dotenv: Record<string, string> = {};
  if (existsSync(file)) {
    const parsed = parseDotenv(readText(file, problems) ?? '', (name) => shell[name]);
    dotenv = parsed.values;
    for (const e of parsed.errors) problems.push({ file, line: e.line, message: e.message });
  }
  const vars = { ...dotenv, ...shell };
  return { vars, lookup: (name) => vars[name] };
}

/** Read env_file entries in order (later files win), resolving ${VAR} against the lookup. */
export function readEnvFiles(entries: Array<{ path: string; required: boolean }>, lookup: Lookup, problems: Problem[], where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    if (!existsSync(entry.path)) {
      if (entry.required) problems.push({ path: where, message: `env file ${entry.path} not found` });
      continue;
    }
    const text = readText(entry.path, problems, where);
    if (text === undefined) continue;
    const parsed = parseDotenv(text, lookup);
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
