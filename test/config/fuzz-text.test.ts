// Random text and random JSON shapes as a compose file: loading ends in a Project or a
// FoxdevError, never anything else (which would reach the person as an internal error).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { FoxdevError } from '../../src/errors.js';
import { removeTempProjects, tempProject } from './helpers.js';
import { fcOptions } from '../fc-options.js';

afterAll(removeTempProjects);

const yamlish = fc
  .array(fc.oneof(fc.constantFrom('services:', '  a:', '    image: x', '    <<: ', '*a', '&a', '!reset', '!override', '- ', ': ', '{', '}', '[', ']', '"', "'", '\t', '\n', '#', '${', '$$', '__proto__', '0x1F', '~', '---', '...'), fc.string({ maxLength: 6 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

async function outcome(dir: string): Promise<unknown> {
  return loadProject({ cwd: dir, env: {} }).then(
    () => 'ok',
    (e: unknown) => e,
  );
}

describe('config loader on random input', () => {
  it('random YAML-ish text never escapes as a non-FoxdevError', async () => {
    const dir = tempProject({});
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) => {
        writeFileSync(path.join(dir, 'compose.yaml'), text);
        const r = await outcome(dir);
        if (r !== 'ok') expect(r).toBeInstanceOf(FoxdevError);
      }),
      fcOptions(300),
    );
  });

  it('random JSON values under services never escape as a non-FoxdevError', async () => {
    const dir = tempProject({});
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), async (services, top) => {
        writeFileSync(path.join(dir, 'compose.yaml'), JSON.stringify({ services, networks: top, volumes: top }));
        const r = await outcome(dir);
        if (r !== 'ok') expect(r).toBeInstanceOf(FoxdevError);
      }),
      fcOptions(300),
    );
  });
});
