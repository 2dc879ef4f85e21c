// Seed files are written as globs ("db/seed/*.sql"); the Project holds the files they match,
// absolute and sorted, because a seed applies them in that order. Whether a pattern that matches
// nothing (or a plain file that is missing) is acceptable is decided by host-files.ts.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const GLOB_CHARS = /[*?[\]{}()!]/;

export const isGlob = (pattern: string): boolean => GLOB_CHARS.test(pattern);

/** Loads picomatch only when some pattern is a glob: most projects have none, and start faster. */
export async function expandGlobs(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) out.push(...(isGlob(pattern) ? await expandGlob(pattern) : [pattern]));
  return [...new Set(out)];
}

/** The files one pattern matches, sorted; a pattern that is no glob after all is returned as is. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const { default: picomatch } = await import('picomatch');
  const { base, glob, isGlob: globby } = picomatch.scan(pattern);
  if (!globby) return [pattern];
  const match = picomatch(glob, { dot: false });
  const found: string[] = [];
  for (const rel of walk(base, glob.includes('**') || glob.includes('/'))) if (match(rel)) found.push(path.join(base, rel));
  return found.sort();
}

function walk(dir: string, deep: boolean, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (deep && e.name !== 'node_modules' && !e.name.startsWith('.')) out.push(...walk(path.join(dir, e.name), deep, rel));
    } else out.push(rel);
  }
  return out;
}
