// Seed files are written as globs ("db/seed/*.sql"); the Project holds the files they match,
// absolute and sorted, because a seed applies them in that order. A pattern without glob
// characters is kept as written even when the file does not exist yet (it may be generated).
import { readdirSync } from 'node:fs';
import path from 'node:path';

const GLOB_CHARS = /[*?[\]{}()!]/;

/** Loads picomatch only when some pattern is a glob: most projects have none, and start faster. */
export async function expandGlobs(patterns: string[]): Promise<string[]> {
  if (!patterns.some((p) => GLOB_CHARS.test(p))) return [...new Set(patterns)];
  const { default: picomatch } = await import('picomatch');
  const out: string[] = [];
  for (const pattern of patterns) {
    const { base, glob, isGlob } = picomatch.scan(pattern);
    if (!isGlob) {
      out.push(pattern);
      continue;
    }
    const match = picomatch(glob, { dot: false });
    const found: string[] = [];
    for (const rel of walk(base, glob.includes('**') || glob.includes('/'))) if (match(rel)) found.push(path.join(base, rel));
    out.push(...found.sort());
  }
  return [...new Set(out)];
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
