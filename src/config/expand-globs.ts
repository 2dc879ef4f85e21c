// Seed files are written as globs ("db/seed/*.sql"); the Project holds the files they match,
// absolute and sorted, because a seed applies them in that order. Whether a pattern that matches
// nothing (or a plain file that is missing) is acceptable is decided by host-files.ts.
import path from 'node:path';

const GLOB_CHARS = /[*?[\]{}()!]/;

export const isGlob = (pattern: string): boolean => GLOB_CHARS.test(pattern);

/** Loads picomatch only when some pattern is a glob: most projects have none, and start faster. */
export async function expandGlobs(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) out.push(...(isGlob(pattern) ? await expandGlob(pattern) : [pattern]));
  return [...new Set(out)];
}

/**
 * The files one pattern matches, sorted; a pattern that is no glob after all is returned as is.
 * Walked by tinyglobby (the one glob walker: seeds and config both come here); node_modules and
 * dot directories are not descended into, dot files are not matched unless named.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const { default: picomatch } = await import('picomatch');
  const { base, glob, isGlob: globby } = picomatch.scan(pattern);
  if (!globby) return [pattern];
  const { glob: walk } = await import('tinyglobby');
  const found = await walk(glob, { cwd: base || path.sep, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, ignore: ['**/node_modules/**'] }).catch(() => []);
  return found.map((f) => path.normalize(f)).sort();
}
