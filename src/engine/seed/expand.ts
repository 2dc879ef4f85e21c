// Seed file lists may still hold globs ("db/*.sql"): ResolvedSeed promises expanded paths, but
// expanding here too is cheap and idempotent, so a seed is never applied with a literal "*".
// Each pattern's matches are taken in path order (01-schema before 02-rows); a file named twice
// runs once, at its first place. A pattern matching nothing is an error, not an empty seed.
import picomatch from 'picomatch';
import { expandGlob } from '../../config/expand-globs.js';
import type { ResolvedSeed } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';

export async function expandSeedFiles<S extends ResolvedSeed>(seed: S): Promise<S> {
  const out: string[] = [];
  for (const pattern of seed.files) {
    const matches = picomatch.scan(pattern).isGlob ? await expandGlob(pattern) : [pattern];
    if (matches.length === 0) throw new FoxdevError('config', `seed files "${pattern}" match no file`);
    for (const m of matches) if (!out.includes(m)) out.push(m);
  }
  return { ...seed, files: out };
}
