// .dockerignore semantics as the engine's builder applies them (patterns relative to the context
// root, `**` across directories, `!` re-includes, the last matching line wins, a pattern that
// matches a directory excludes everything under it), by @balena/dockerignore: a port of the
// builder's own matcher, so what foxdev sends is what `docker build` would send.
import { createRequire } from 'node:module';
import type { Ignore } from '@balena/dockerignore';

// A CommonJS module whose types declare an ES default export: load it as what it is.
const dockerignore = createRequire(import.meta.url)('@balena/dockerignore') as (o?: { ignorecase?: boolean }) => Ignore;

export interface IgnoreRules {
  /** Some line re-includes (`!`): an ignored directory may still hold files that go in. */
  negates: boolean;
  ignores: (path: string) => boolean;
}

export function parseDockerignore(text: string): IgnoreRules {
  const lines = text.split(/\r?\n/);
  const ig = dockerignore({ ignorecase: false }).add(lines);
  return { negates: lines.some((l) => l.trim().startsWith('!')), ignores: (p) => ig.ignores(p) };
}

/** `path` is relative to the context root, with forward slashes. */
export function isIgnored(rules: IgnoreRules, path: string): boolean {
  return rules.ignores(path);
}
