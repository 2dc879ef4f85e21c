// What a seed's hash is computed from. PURE: this lists the inputs; the engine reads the files and
// hashes them. Only what decides the resulting data is listed — the files (in order, by their
// project-relative path and content) and, for the generic form, the command. User, password,
// reset strategy and dependents do not change the data, so changing them does not mark the seed
// as changed.
import type { ResolvedSeed } from '../config/project.js';
import { commonDir, seedFiles } from './seed-files.js';

export type SeedHashInput = { key: string; value: string } | { key: string; file: string };

/** Bumped when the meaning of the inputs changes, so old hashes read as "changed". */
export const SEED_HASH_VERSION = '1';

export function seedHashInputs(seed: ResolvedSeed, projectDir: string = commonDir(seed.files)): SeedHashInput[] {
  const inputs: SeedHashInput[] = [
    { key: 'version', value: SEED_HASH_VERSION },
    { key: 'kind', value: seed.kind },
  ];
  if (seed.kind === 'command') inputs.push({ key: 'command', value: JSON.stringify(seed.command) });
  for (const f of seedFiles(seed.files, projectDir)) inputs.push({ key: `file ${f.display}`, file: f.path });
  return inputs;
}

/** One line per input; files show as "<path> = <content digest>" once the digest is known. */
export function formatSeedHashInputs(inputs: readonly SeedHashInput[], digest?: (file: string) => string): string {
  return inputs
    .map((i) => ('value' in i ? `${i.key} = ${i.value}` : `${i.key} = ${digest ? digest(i.file) : '<content>'}`))
    .join('\n');
}
