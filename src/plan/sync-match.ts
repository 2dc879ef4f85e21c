// PURE: which paths a sync rule cares about. Both the watcher (to avoid descending into ignored
// trees) and the planners (host changes and the container's tree at catch-up) ask the same
// matcher, so "ignored" means one thing everywhere.
//
// Two pattern flavours, because the files they come from already have meanings people know:
//  - 'docker' (.dockerignore): anchored at the file's directory; `*.log` matches only at the top.
//  - 'git' (rule `ignore`/`include`, .foxdevignore): a pattern without a slash matches a name at
//    any depth (`*.swp`, `package.json`); a pattern with a slash is anchored.
// In both, a pattern that matches a directory also covers everything under it, `!` re-includes,
// and the last matching pattern wins (Docker's and git's order rule).
import path from 'node:path';
import picomatch from 'picomatch';

export interface PatternSet {
  /** Absolute host directory the patterns are relative to. */
  base: string;
  patterns: string[];
  flavor: 'docker' | 'git';
}

/** Editor temp/swap files and tool directories nobody wants in a container. */
export const DEFAULT_IGNORES: readonly string[] = [
  '.git',
  'node_modules',
  '*.swp',
  '*.swo',
  '*.swx',
  '*~',
  '.#*',
  '4913', // vim's "can I write here" probe file
  '.DS_Store',
  '*___jb_tmp___',
  '*___jb_old___',
];

export interface RuleMatcherInput {
  /** Absolute host root of the rule (a directory or a single file). */
  root: string;
  ignore: string[];
  include: string[];
  /** Patterns from .dockerignore / .foxdevignore, in the order they apply. */
  extra?: PatternSet[];
}

export interface RuleMatcher {
  root: string;
  /** True when `abs` is under the root and not ignored (directories included). */
  watched(abs: string): boolean;
  /** True when a file under the root both survives the ignores and passes `include`. */
  selected(abs: string): boolean;
}

interface Compiled {
  base: string;
  negate: boolean;
  test: (rel: string) => boolean;
}

function compile(set: PatternSet): Compiled[] {
  const out: Compiled[] = [];
  for (const raw of set.patterns) {
    let p = raw.trim();
    if (!p || p.startsWith('#')) continue;
    const negate = p.startsWith('!');
    if (negate) p = p.slice(1).trim();
    p = p.replace(/\/+$/, '');
    if (p.startsWith('./')) p = p.slice(2);
    let anchored = set.flavor === 'docker' || p.includes('/');
    p = p.replace(/^\/+/, '');
    if (!p) continue;
    const glob = anchored ? p : `**/${p}`;
    anchored = true;
    out.push({ base: set.base, negate, test: picomatch(glob, { dot: true }) });
  }
  return out;
}

/** "a/b/c" → ["a", "a/b", "a/b/c"]: a pattern matching a parent covers its children. */
function selfAndParents(rel: string): string[] {
  const parts = rel.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function lastMatch(list: Compiled[], abs: string): boolean | undefined {
  let result: boolean | undefined;
  for (const c of list) {
    const rel = path.posix.relative(c.base, abs);
    if (rel === '' || rel.startsWith('..')) continue;
    if (selfAndParents(rel).some((p) => c.test(p))) result = !c.negate;
  }
  return result;
}

export function isInside(root: string, abs: string): boolean {
  return abs === root || abs.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** node_modules is ignored unless the rule deliberately points into or includes it. */
function wantsNodeModules(input: RuleMatcherInput): boolean {
  return input.root.split('/').includes('node_modules') || input.include.some((p) => p.includes('node_modules'));
}

export function compileRuleMatcher(input: RuleMatcherInput): RuleMatcher {
  const defaults = DEFAULT_IGNORES.filter((p) => p !== 'node_modules' || !wantsNodeModules(input));
  const ignores = [
    ...compile({ base: input.root, patterns: [...defaults], flavor: 'git' }),
    ...(input.extra ?? []).flatMap(compile),
    ...compile({ base: input.root, patterns: input.ignore, flavor: 'git' }),
  ];
  const includes = compile({ base: input.root, patterns: input.include, flavor: 'git' });
  const watched = (abs: string): boolean => isInside(input.root, abs) && lastMatch(ignores, abs) !== true;
  return {
    root: input.root,
    watched,
    selected: (abs) => watched(abs) && (includes.length === 0 || abs === input.root || lastMatch(includes, abs) === true),
  };
}
