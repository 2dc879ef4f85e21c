// .dockerignore as the builder applies it: last match wins, `!` re-includes, directories cover
// what is under them, `**` crosses directories, comments and blank lines do nothing.
import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from '../../src/runtime/dockerignore.js';

const ignored = (text: string, path: string) => isIgnored(parseDockerignore(text), path);

describe('dockerignore', () => {
  it('a pattern matching a directory ignores everything under it', () => {
    expect(ignored('node_modules', 'node_modules')).toBe(true);
    expect(ignored('node_modules', 'node_modules/react/index.js')).toBe(true);
    expect(ignored('node_modules', 'src/index.js')).toBe(false);
  });

  it('patterns are anchored at the context root, not matched at any depth', () => {
    expect(ignored('*.log', 'debug.log')).toBe(true);
    expect(ignored('*.log', 'logs/debug.log')).toBe(false);
    expect(ignored('**/*.log', 'logs/deep/debug.log')).toBe(true);
  });

  it('the last matching line wins, so `!` re-includes', () => {
    const text = '*.md\n!README.md';
    expect(ignored(text, 'NOTES.md')).toBe(true);
    expect(ignored(text, 'README.md')).toBe(false);
    expect(ignored('!README.md\n*.md', 'README.md')).toBe(true);
  });

  it('leading slashes, trailing slashes and ./ are dropped; comments and blanks are not rules', () => {
    const rules = parseDockerignore('# build output\n\n/dist/\n./tmp\n   \n!\n');
    expect(isIgnored(rules, 'dist/app.js')).toBe(true);
    expect(isIgnored(rules, 'tmp/x')).toBe(true);
    expect(isIgnored(rules, '# build output')).toBe(false);
  });

  it('matches dot files and CRLF files', () => {
    expect(ignored('.env*\r\n.git\r\n', '.env.local')).toBe(true);
    expect(ignored('.env*\r\n.git\r\n', '.git/HEAD')).toBe(true);
    expect(ignored('*', '.hidden')).toBe(true);
  });

  it('ignores nothing without rules', () => {
    expect(ignored('', 'anything/at/all')).toBe(false);
  });
});
