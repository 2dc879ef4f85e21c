// The plain-YAML reader (config/yaml-plain.ts) must give what the yaml library path gives, value
// and key positions alike, or step aside: on every YAML file of the fixtures and the corpus, and
// on generated files written in many styles (quoting, flow lists, comments, compact lists).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseWithLibrary, parseYamlFile } from '../../src/config/yaml-file.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = globSync(['fixtures/**/*.{yml,yaml}', '../shared/corpus/**/*.{yml,yaml}', 'bench/fixtures/**/*.{yml,yaml}'], { cwd: repoRoot, absolute: true }).sort();

function same(text: string): boolean {
  const fast = parseYamlFile(text, 'f.yaml');
  const slow = parseWithLibrary(text, 'f.yaml');
  const { positions: fastPositions, ...fastRest } = fast;
  const { positions: slowPositions, ...slowRest } = slow;
  expect(fastRest).toEqual(slowRest);
  expect([...fastPositions()]).toEqual([...slowPositions()]);
  return fast.problems.length === 0;
}

describe('plain YAML reader', () => {
  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s', (_name, file) => {
    same(readFileSync(file, 'utf8'));
  });

  it('reads the usual compose shapes itself', () => {
    const text = [
      '# a comment',
      'services:',
      '  web:',
      '    image: "nginx:1.25"   # pinned',
      "    command: ['sh', '-c', 'it''s']",
      '    ports: [80, "443:443", 8080:80]',
      '    environment:',
      '      A: no',
      '      B: 0755',
      '      C: ~',
      '      D: 1e3',
      '      E: a#b',
      '    depends_on:',
      '    - db',
      '    labels: {}',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '  db:',
      '    volumes:',
      '      - type: volume',
      '        source: data',
      '        target: /var/lib',
      'volumes:',
      '  data:',
      '',
    ].join('\n');
    same(text);
  });

  const key = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/), fc.constantFrom('80', 'true', 'no', 'a b', 'x:y', '-x', '_', 'é'));
  const str = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9 ._:/#'"@,\[\]{}-]{0,12}$/),
    fc.constantFrom('', ' ', 'no', 'yes', '0', '0755', '08', '0x1F', '1e3', '.inf', '~', 'null', 'True', '-', '- a', 'a: b', 'a:', 'a #b', '#', "'", '"', '*a', '&a', '!x', '|', '>', '%', '@', '[a]', '{}', 'a\nb', '\t', '<<'),
  );
  const leaf = fc.oneof(str, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
  const tree = fc.letrec((t) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, t('arr'), t('obj')),
    arr: fc.array(t('node'), { maxLength: 4 }),
    obj: fc.dictionary(key, t('node'), { maxKeys: 4, noNullPrototype: true }),
  })).obj;
  const options = fc.record({
    indentSeq: fc.boolean(),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
    flowCollectionPadding: fc.boolean(),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indent: fc.constantFrom(2, 4),
  });

  it('agrees with the library on generated files', () => {
    fc.assert(
      fc.property(tree, options, fc.boolean(), (value, opts, comments) => {
        let text = stringify(value, { ...opts, lineWidth: 0 } as never);
        // Sprinkle comments after values and on lines of their own.
        if (comments) text = text.split('\n').map((l, i) => (i % 3 === 1 && l !== '' ? `${l} # c${i}` : i % 4 === 2 ? `# note\n${l}` : l)).join('\n');
        same(text);
      }),
      { numRuns: 3000 },
    );
  });
});
