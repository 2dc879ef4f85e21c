// Reads the ignore files that apply to a sync rule: `.dockerignore` of the build context (what
// the image build leaves out should not be synced in either) and of the sync root, and
// `.foxdevignore` in the sync root. Missing files are simply absent.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PatternSet } from '../plan/sync-match.js';

async function readLines(file: string): Promise<string[] | undefined> {
  try {
    return (await readFile(file, 'utf8')).split(/\r?\n/);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

export async function readIgnoreFiles(root: string, opts: { buildContext?: string; rootIsDir: boolean }): Promise<PatternSet[]> {
  const dir = opts.rootIsDir ? root : path.dirname(root);
  const sources: Array<{ base: string; file: string; flavor: PatternSet['flavor'] }> = [];
  if (opts.buildContext && opts.buildContext !== dir) sources.push({ base: opts.buildContext, file: '.dockerignore', flavor: 'docker' });
  sources.push({ base: dir, file: '.dockerignore', flavor: 'docker' });
  sources.push({ base: dir, file: '.foxdevignore', flavor: 'git' });
  const sets: PatternSet[] = [];
  for (const s of sources) {
    const lines = await readLines(path.join(s.base, s.file));
    if (lines) sets.push({ base: s.base, patterns: lines, flavor: s.flavor });
  }
  return sets;
}
