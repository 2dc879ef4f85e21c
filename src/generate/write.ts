// The only generator code that writes to disk. Existing files are kept unless `force`: init runs
// in directories that already hold someone's work.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './files.js';

export interface WriteResult {
  written: string[];
  /** Already there and kept (no --force). */
  kept: string[];
}

export function writeFiles(dir: string, files: GeneratedFile[], opts: { force?: boolean } = {}): WriteResult {
  const result: WriteResult = { written: [], kept: [] };
  for (const f of files) {
    const abs = join(dir, f.path);
    if (existsSync(abs) && !opts.force) {
      result.kept.push(f.path);
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.content);
    result.written.push(f.path);
  }
  return result;
}
