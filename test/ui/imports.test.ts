// src/ui is a view: it may import React, Ink and the store/log formatting, nothing that acts
// (engine, runtime, dockerode, execa, node:child_process…). This scans every source file.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const UI = join(SRC, 'ui');
const ALLOWED_PACKAGES = new Set(['react', 'ink']);
const ALLOWED_DIRS = ['ui', 'store', 'logfmt'].map((d) => join(SRC, d));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx|mts|js|jsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier: static imports/exports (incl. type-only), dynamic import(), require(). */
export function specifiers(code: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

export function violations(file: string, code: string): string[] {
  return specifiers(code).filter((spec) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      return !ALLOWED_DIRS.some((d) => target === d || target.startsWith(d + '/'));
    }
    const pkg = spec.split('/')[0];
    return !ALLOWED_PACKAGES.has(pkg);
  });
}

describe('src/ui imports only react, ink, ../store and ../logfmt', () => {
  it('the checker catches forbidden imports', () => {
    const f = join(UI, 'x.ts');
    expect(violations(f, `import Docker from 'dockerode';`)).toEqual(['dockerode']);
    expect(violations(f, `import type { Runtime } from '../runtime/docker.js';`)).toEqual(['../runtime/docker.js']);
    expect(violations(f, `export { run } from '../engine/index.js';`)).toEqual(['../engine/index.js']);
    expect(violations(f, `const m = await import('execa');`)).toEqual(['execa']);
    expect(violations(f, `import 'node:child_process';`)).toEqual(['node:child_process']);
    expect(violations(f, `import {\n  Box,\n  Text,\n} from 'ink';\nimport { useState } from 'react';\nimport { x } from '../store/index.js';\nimport { y } from './keys.js';`)).toEqual([]);
  });

  it('every file under src/ui complies', () => {
    const files = sourceFiles(UI);
    expect(files.length).toBeGreaterThan(5);
    const bad = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')).map((v) => `${relative(SRC, f)}: ${v}`));
    expect(bad).toEqual([]);
  });
});
