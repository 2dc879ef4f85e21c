// .dockerignore semantics as the engine's builder applies them: patterns relative to the context
// root, `**` across directories, `!` re-includes, the last matching line wins, and a pattern that
// matches a directory excludes everything under it.
import picomatch from 'picomatch';

export interface IgnoreRule {
  negate: boolean;
  match: (path: string) => boolean;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '');
    if (line.startsWith('./')) line = line.slice(2);
    if (!line) continue;
    rules.push({ negate, match: picomatch(line, { dot: true }) });
  }
  return rules;
}

/** `path` is relative to the context root, with forward slashes. */
export function isIgnored(rules: IgnoreRule[], path: string): boolean {
  let ignored = false;
  const parts = path.split('/');
  for (const rule of rules) {
    // A rule applies to the path itself or to any directory above it.
    for (let i = 1; i <= parts.length; i++) {
      if (rule.match(parts.slice(0, i).join('/'))) {
        ignored = !rule.negate;
        break;
      }
    }
  }
  return ignored;
}
