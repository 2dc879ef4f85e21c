// A throwaway project directory built from a map of relative paths to file contents.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, formatProblem } from '../../src/errors.js';

const made: string[] = [];

export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-config-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export function removeTempProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The problems of a rejected load, with file paths relative to `dir`. */
export async function problems(load: Promise<unknown>, dir: string): Promise<string[]> {
  const err = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(err)}`);
  return err.problems.map((p) => formatProblem({ ...p, file: p.file && path.relative(dir, p.file) }));
}
