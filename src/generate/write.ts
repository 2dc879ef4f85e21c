// The only generator code that writes to disk. A file that exists and differs from what would be
// written is kept unless `force`: init and generate run in directories that hold someone's work,
// and a hand edit to a generated manifest must not vanish on the next run. Identical files are
// left alone (and counted as such), so re-running is quiet.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { FoxdevError } from '../errors.js';
import type { GeneratedFile } from './files.js';

export interface WriteResult {
  written: string[];
  /** There with other content, and kept (no --force). */
  kept: string[];
  /** There with exactly this content. */
  unchanged: string[];
}

export type Change = { path: string; kind: 'create' | 'unchanged' } | { path: string; kind: 'differs'; diff: string };

/** What writing `files` into `dir` would change; reads only. */
export function planWrite(dir: string, files: GeneratedFile[]): Change[] {
  assertFolder(dir);
  return files.map((f) => {
    const abs = join(dir, f.path);
    if (!existsSync(abs)) return { path: f.path, kind: 'create' };
    if (statSync(abs).isDirectory()) throw new FoxdevError('usage', `${abs} is a folder; foxdev would write the file ${f.path} there`);
    const old = readFileSync(abs, 'utf8');
    if (old === f.content) return { path: f.path, kind: 'unchanged' };
    return { path: f.path, kind: 'differs', diff: createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, old, f.content, undefined, undefined, { context: 2 }) };
  });
}

export function writeFiles(dir: string, files: GeneratedFile[], opts: { force?: boolean } = {}): WriteResult {
  const result: WriteResult = { written: [], kept: [], unchanged: [] };
  const changes = planWrite(dir, files);
  files.forEach((f, i) => {
    const change = changes[i];
    if (change.kind === 'unchanged') return result.unchanged.push(f.path);
    if (change.kind === 'differs' && !opts.force) return result.kept.push(f.path);
    const abs = join(dir, f.path);
    try {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.content);
    } catch (err) {
      throw new FoxdevError('io', `cannot write ${abs}: ${(err as Error).message}`, { cause: err });
    }
    result.written.push(f.path);
  });
  return result;
}

function assertFolder(dir: string): void {
  // Walk up to the first part that exists: it must be a folder, or nothing can be written below.
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d)) {
      if (!statSync(d).isDirectory()) throw new FoxdevError('usage', `${d} is a file, not a folder to write into`, { hint: 'give --out a folder (it is created when missing)' });
      return;
    }
    if (dirname(d) === d) return;
  }
}
