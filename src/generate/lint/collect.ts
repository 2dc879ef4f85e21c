// Finds what `foxdev lint` checks: the files named on the command line, or inside the folders
// named there (recursively, skipping dependency and VCS folders).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { FoxdevError } from '../../errors.js';
import type { LintInput } from './index.js';

// Dependencies, VCS data, build output, and test snapshots (copies of generated files, not sources).
const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', 'dist', 'build', '.foxdev', 'vendor', '__snapshots__']);

export function kindOf(file: string): LintInput['kind'] | undefined {
  const name = basename(file);
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(name)) return 'compose';
  if (/^(Dockerfile|Containerfile)([.-][\w.-]+)?$/i.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name)) {
    return name.endsWith('.dockerignore') ? undefined : 'dockerfile';
  }
  return undefined;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) walk(join(dir, e.name), out);
    } else if (kindOf(e.name)) out.push(join(dir, e.name));
  }
}

/** Paths in `inputs` are relative to `cwd` (as findings print them). */
export function collectLintInputs(paths: string[], cwd: string): LintInput[] {
  const files: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = join(cwd, p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) throw new FoxdevError('usage', `no such file or folder: ${p}`);
    if (st.isDirectory()) walk(abs, files);
    else files.push(abs);
  }
  return [...new Set(files)].sort().map((abs) => {
    const kind = kindOf(abs) ?? (/\.ya?ml$/i.test(abs) ? 'compose' : 'dockerfile');
    return { path: relative(cwd, abs) || basename(abs), content: readFileSync(abs, 'utf8'), kind };
  });
}
