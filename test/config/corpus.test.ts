// Conformance: every compose file of the awesome-compose corpus loads, and foxdev's canonical
// model matches what the reference implementation printed (see corpus-normalise.ts for what is
// compared and how the known differences of docker-compose 1.29.2 are normalised).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toCanonical } from '../../src/config/canonical.js';
import { loadProject } from '../../src/config/load.js';
import { dependencyOrder, graphOf } from '../../src/plan/graph.js';
import { compared } from './corpus-normalise.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// CI clones shared/ beside the repository.
const corpus = path.resolve(repoRoot, '../shared/corpus/awesome-compose');

const examples = readdirSync(corpus)
  .sort()
  .map((dir) => {
    const file = ['compose.yaml', 'compose.yml'].map((f) => path.join(corpus, dir, f)).find(existsSync)!;
    return { dir, file };
  });

let conform = 0;

describe('compose corpus', () => {
  it('has 39 examples', () => {
    expect(examples).toHaveLength(39);
  });

  it.each(examples)('$dir', async ({ dir, file }) => {
    // An empty shell environment, so the result depends only on the example (and its .env).
    const project = await loadProject({ cwd: path.join(corpus, dir), env: {} });
    const ours = toCanonical(project, { showSecrets: true }) as { services: Record<string, Record<string, unknown>> };

    // The reference printed nothing for the file it rejected (react-rust-postgres).
    const order = readFileSync(`${file}.services.txt`, 'utf8').trim().split('\n').filter(Boolean);
    if (order.length > 0) expect(dependencyOrder(graphOf(project))).toEqual(order);

    const expectedFile = `${file}.expected.yaml`;
    if (existsSync(expectedFile)) {
      const text = readFileSync(expectedFile, 'utf8').replaceAll('${PROJECT_DIR}', path.join(corpus, dir));
      const expected = parse(text) as { services: Record<string, Record<string, unknown>> };
      expect(Object.keys(ours.services).sort()).toEqual(Object.keys(expected.services).sort());
      for (const name of Object.keys(expected.services)) {
        expect({ service: name, ...compared(ours.services[name]) }).toEqual({ service: name, ...compared(expected.services[name]) });
      }
    } else {
      // react-rust-postgres: the reference rejects its top-level `name:`; the current spec allows it.
      expect(dir).toBe('react-rust-postgres');
      expect(project.name).toBe('react-rust-postgres');
      expect(Object.keys(project.services)).toEqual(['frontend', 'backend', 'db']);
      expect(dependencyOrder(graphOf(project))).toEqual(['frontend', 'db', 'backend']);
      expect(project.services.db.ports).toEqual([{ target: 5432, published: 5432, protocol: 'tcp' }]);
    }
    conform++;
  });

  afterAll(() => {
    console.log(`corpus: ${conform}/${examples.length} conform`);
  });
});
