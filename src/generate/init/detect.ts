// Decides what kind of project a Scan describes. Order matters: a Node project may also hold an
// index.html, and a Python one a package.json for its front-end tooling; the lockfile or the
// language manifest is the stronger signal, so those are checked first.
import { FoxdevError } from '../../errors.js';
import type { Detected, PackageManager, Scan } from './types.js';

const LOCKFILES: Array<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
];

function sourceDir(scan: Scan, candidates: string[]): string {
  return candidates.find((c) => scan.entries.includes(`${c}/`)) ?? '.';
}

function mentions(text: string): string[] {
  const found: string[] = [];
  if (/\b(pg|postgres|psycopg\w*|asyncpg|sqlalchemy|prisma)\b/i.test(text)) found.push('postgres');
  if (/\b(redis|ioredis)\b/i.test(text)) found.push('redis');
  if (/\bpytest\b/.test(text)) found.push('pytest');
  return found;
}

function readPackageJson(text: string): { main?: string; scripts?: Record<string, string> } {
  try {
    return JSON.parse(text) as { main?: string; scripts?: Record<string, string> };
  } catch (cause) {
    throw new FoxdevError('config', 'package.json is not valid JSON', { cause, hint: 'fix it (npm pkg get name shows the error), then run foxdev init again' });
  }
}

function detectNode(scan: Scan): Detected {
  const pkg = readPackageJson(scan.texts['package.json']);
  const lock = LOCKFILES.find(([file]) => scan.entries.includes(file));
  const packageManager = lock?.[1] ?? 'npm';
  const entry = pkg.main ?? ['server.js', 'index.js', 'src/index.js', 'app.js'].find((f) => scan.entries.includes(f)) ?? 'index.js';
  return {
    stack: 'node',
    packageManager,
    manifests: ['package.json', ...(lock ? [lock[0]] : [])],
    scripts: Object.keys(pkg.scripts ?? {}),
    entry,
    sourceDir: sourceDir(scan, ['src', 'lib', 'app']),
    mentions: mentions(scan.texts['package.json']),
  };
}

function detectPython(scan: Scan): Detected {
  const hasReq = 'requirements.txt' in scan.texts;
  const devRequirements = 'requirements-dev.txt' in scan.texts ? 'requirements-dev.txt' : undefined;
  const pkgDir = scan.entries.find((e) => e.endsWith('/') && scan.entries.includes(`${e}__main__.py`));
  const entry = ['app.py', 'main.py', 'server.py', 'manage.py'].find((f) => scan.entries.includes(f)) ?? 'app.py';
  const all = Object.entries(scan.texts).filter(([k]) => k !== 'package.json').map(([, v]) => v).join('\n');
  return {
    stack: 'python',
    manifests: [hasReq ? 'requirements.txt' : 'pyproject.toml', ...(devRequirements ? [devRequirements] : [])],
    scripts: [],
    entry: pkgDir ?? entry,
    sourceDir: sourceDir(scan, ['src', 'app']),
    devRequirements,
    mentions: mentions(all),
  };
}

function detectGo(scan: Scan): Detected {
  const entry = scan.entries.includes('main.go') ? '.' : scan.cmdDirs.length ? `./cmd/${scan.cmdDirs[0]}` : '.';
  return {
    stack: 'go',
    manifests: ['go.mod', ...(scan.entries.includes('go.sum') ? ['go.sum'] : [])],
    scripts: [],
    entry,
    sourceDir: '.',
    mentions: mentions(scan.texts['go.mod']),
  };
}

export function detect(scan: Scan): Detected {
  if ('package.json' in scan.texts && !('requirements.txt' in scan.texts || 'pyproject.toml' in scan.texts || 'go.mod' in scan.texts)) {
    return detectNode(scan);
  }
  if ('requirements.txt' in scan.texts || 'pyproject.toml' in scan.texts) return detectPython(scan);
  if ('go.mod' in scan.texts) return detectGo(scan);
  if ('package.json' in scan.texts) return detectNode(scan);
  const page = ['index.html', 'public/', 'site/'].find((e) => scan.entries.includes(e));
  if (page) {
    return { stack: 'static', manifests: [], scripts: [], entry: 'index.html', sourceDir: page === 'index.html' ? '.' : page.slice(0, -1), mentions: [] };
  }
  throw new FoxdevError('usage', `cannot tell what kind of project ${scan.name} is`, {
    hint: 'foxdev init knows Node (package.json), Python (requirements.txt / pyproject.toml), Go (go.mod) and static sites (index.html); pass --stack to choose',
  });
}

/** What to assume when --stack overrides detection on a directory that says otherwise. */
export function assume(scan: Scan, stack: Detected['stack']): Detected {
  switch (stack) {
    case 'node':
      return 'package.json' in scan.texts ? detectNode(scan) : { stack, packageManager: 'npm', manifests: ['package.json'], scripts: [], entry: 'index.js', sourceDir: sourceDir(scan, ['src']), mentions: [] };
    case 'python':
      return detectPython({ ...scan, texts: { 'requirements.txt': '', ...scan.texts } });
    case 'go':
      return detectGo({ ...scan, texts: { 'go.mod': '', ...scan.texts } });
    case 'static':
      return { stack, manifests: [], scripts: [], entry: 'index.html', sourceDir: '.', mentions: [] };
  }
}
