// canonicalYaml() must print exactly what the yaml library prints with the same options: on
// generated data full of YAML's traps (1.1 booleans, sexagesimal numbers, indicators, quotes,
// empty collections, nesting of every kind), on every corpus project and on the fixtures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { toCanonical } from '../../src/config/canonical.js';
import { CANONICAL_YAML, canonicalYaml } from '../../src/config/canonical-yaml.js';
import { loadProject } from '../../src/config/load.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/awesome-compose');

const tricky = fc.constantFrom(
  '', ' ', 'no', 'No', 'NO', 'yes', 'on', 'off', 'y', 'n', 'true', 'False', 'null', '~', 'Null', '0', '007', '0x1f', '0o17', '1e3', '.5', '1_000',
  '80:80', '1:20:30', '.inf', '-.Inf', '.nan', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '-', '?', '- a', 'a: b', 'a:', 'a #b', '#x', '&a', '*a', '!t',
  '|', '>', "'", '"', '%x', '@x', '`x', '---', '...', '--- a', 'a\nb', 'a\n', ' a', 'a ', 'a\tb', '\t', 'é', 'ü: x', '\u2028', '\u00a0', '\u0085', 'a\\b',
  '{a}', '[a]', 'a,b', 'x'.repeat(1100), '💡', '=', '<<', 'key with spaces', 'http://x:80/y', 'C:\\x', '$$HOME', '${X}',
);
const str = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme-ascii' }), fc.stringMatching(/^[a-z0-9._:/-]{1,12}$/));
const leaf = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0));
const tree = fc.letrec((t) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, t('arr'), t('obj')),
  arr: fc.array(t('node'), { maxLength: 4 }),
  obj: fc.dictionary(str, t('node'), { maxKeys: 4 }),
})).obj;

describe('canonicalYaml', () => {
  it('prints what YAML.stringify prints, for any plain data', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(canonicalYaml(value as Record<string, unknown>)).toBe(stringify(value, CANONICAL_YAML));
      }),
      { numRuns: 3000 },
    );
  });

  it('prints what YAML.stringify prints for data it writes itself (no fallback)', () => {
    const simple = fc.stringMatching(/^[a-zA-Z0-9 ._:/#@-]{0,10}$/);
    const plainTree = fc.letrec((t) => ({
      node: fc.oneof({ depthSize: 'small' }, simple, fc.integer(), fc.boolean(), fc.constant(null), t('arr'), t('obj')),
      arr: fc.array(t('node'), { maxLength: 4 }),
      obj: fc.dictionary(simple, t('node'), { maxKeys: 4 }),
    })).obj;
    fc.assert(
      fc.property(plainTree, (value) => {
        expect(canonicalYaml(value as Record<string, unknown>)).toBe(stringify(value, CANONICAL_YAML));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(readdirSync(corpus).sort())('corpus %s', async (example) => {
    const project = await loadProject({ cwd: path.join(corpus, example), env: {} });
    for (const showSecrets of [false, true]) {
      const c = toCanonical(project, { showSecrets });
      expect(canonicalYaml(c)).toBe(stringify(c, CANONICAL_YAML));
    }
  });

  it('the example project', async () => {
    const c = toCanonical(await loadProject({ cwd: repoRoot, env: {} }));
    expect(canonicalYaml(c)).toBe(stringify(c, CANONICAL_YAML));
  });
});
