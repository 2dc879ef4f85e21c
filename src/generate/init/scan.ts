// The one place init reads the directory it is about to describe. Everything after this is pure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Scan } from './types.js';

const MANIFESTS = ['package.json', 'requirements.txt', 'requirements-dev.txt', 'pyproject.toml', 'go.mod'];

function list(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  } catch {
    return [];
  }
}

export function scanDir(dir: string): Scan {
  const abs = resolve(dir);
  const entries = list(abs).sort();
  const cmdDirs = entries.includes('cmd/')
    ? list(join(abs, 'cmd'))
        .filter((e) => e.endsWith('/') && statSync(join(abs, 'cmd', e, 'main.go'), { throwIfNoEntry: false }))
        .map((e) => e.slice(0, -1))
        .sort()
    : [];
  const texts: Record<string, string> = {};
  for (const m of MANIFESTS) if (entries.includes(m)) texts[m] = readFileSync(join(abs, m), 'utf8');
  return { name: basename(abs), entries, cmdDirs, texts };
}
