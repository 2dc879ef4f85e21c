// The seed hash: sha256 over the plan's hash inputs, each file by the digest of its content.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ResolvedSeed } from '../../config/project.js';
import { seedHashInputs } from '../../plan/seed-hash.js';
import { FoxdevError } from '../../errors.js';

export async function computeSeedHash(seed: ResolvedSeed, projectDir?: string): Promise<string> {
  const h = createHash('sha256');
  for (const input of seedHashInputs(seed, projectDir)) {
    if ('value' in input) {
      h.update(`${input.key}=${input.value}\n`);
      continue;
    }
    let content: Buffer;
    try {
      content = await readFile(input.file);
    } catch (err) {
      throw new FoxdevError('seed', `cannot read seed file ${input.key.slice('file '.length)}: ${(err as Error).message}`, { cause: err });
    }
    h.update(`${input.key}=${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return h.digest('hex');
}
