// Seed file lists may still hold globs ("db/*.sql"): ResolvedSeed promises expanded paths, but
// expanding here too is cheap and idempotent, so a seed is never applied with a literal "*".
// Each pattern's matches are taken in path order (01-schema before 02-rows); a file named twice
// runs once, at its first place. A pattern matching nothing is an error, not an empty seed.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedSeed } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';

export async function expandSeedFiles<S extends ResolvedSeed>(seed: S): Promise<S> {
  const out: string[] = [];
  for (const pattern of seed.files) {
    const matches = picomatch.scan(pattern).isGlob ? await globAbsolute(pattern) : [pattern];
    if (matches.length === 0) throw new FoxdevError('config', `seed files "${pattern}" match no file`);
    for (const m of matches) if (!out.includes(m)) out.push(m);
  }
  return { ...seed, files: out };
}

async function globAbsolute(pattern: string): Promise<string[]> {
  const { base } = picomatch.scan(pattern);
  const root = base || path.sep;
  const isMatch = picomatch(pattern, { dot: false });
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((f) => isMatch(f))
    .sort();
}
