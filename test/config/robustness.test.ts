// Whatever a file holds, loading ends in a Project or a ConfigError: never a crash (a TypeError
// would reach the person as "internal error" with a stack trace).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadProject } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { removeTempProjects, tempProject } from './helpers.js';
import { fcOptions } from '../fc-options.js';

afterAll(removeTempProjects);

const KEYS = [
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'volumes', 'depends_on', 'healthcheck',
  'profiles', 'restart', 'stop_grace_period', 'labels', 'networks', 'secrets', 'develop', 'extends', 'expose', 'dns',
];
const FOXDEV_KEYS = ['ready', 'sync', 'seed', 'run', 'oneshot'];

// Values shaped like what people write, valid or not.
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 70000 }), fc.boolean(), fc.constant(null), fc.constantFrom('8080:80', './src:/app', 'db', '1s', 'CMD-SHELL'));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'db', 'target', 'path', 'condition', 'test', 'http', 'postgres', 'command', 'context'), tie('v'), { maxKeys: 3 })),
})).v;

describe('robustness', () => {
  it('never crashes on malformed services', async () => {
    const dir = tempProject({});
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }),
        fc.dictionary(fc.constantFrom(...FOXDEV_KEYS), value, { maxKeys: 2 }),
        async (svc, fox) => {
          const doc = { services: { a: { image: 'x', ...svc, 'x-foxdev': fox }, db: { image: 'db' } }, volumes: { data: {} } };
          writeFileSync(path.join(dir, 'compose.yaml'), stringify(doc));
          const result = await loadProject({ cwd: dir, env: {} }).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (result !== 'ok') expect(result).toBeInstanceOf(ConfigError);
        },
      ),
      fcOptions(300),
    );
  });

  it('never crashes on malformed top-level sections', async () => {
    const dir = tempProject({ 'other.yaml': 'services:\n  o: { image: o }\n' });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('networks', 'volumes', 'secrets', 'configs', 'include', 'name', 'x-foxdev'), value, { maxKeys: 3 }), async (top) => {
        writeFileSync(path.join(dir, 'compose.yaml'), stringify({ ...top, services: { a: { image: 'x', volumes: ['data:/d'], networks: ['n'] } } }));
        const result = await loadProject({ cwd: dir, env: {} }).then(
          () => 'ok',
          (e: unknown) => e,
        );
        if (result !== 'ok') expect(result).toBeInstanceOf(ConfigError);
      }),
      fcOptions(200),
    );
  });

  it('never crashes on a malformed foxdev config', async () => {
    const dir = tempProject({});
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...KEYS, ...FOXDEV_KEYS), value, { maxKeys: 4 }),
        fc.dictionary(fc.constantFrom('name', 'compose', 'logBuffer', 'volumes'), value, { maxKeys: 2 }),
        async (svc, top) => {
          writeFileSync(path.join(dir, 'foxdev.config.mjs'), `export default ${JSON.stringify({ ...top, services: { a: { image: 'x', ...svc }, db: { image: 'db' } } })};\n`);
          const result = await loadProject({ cwd: dir, env: {} }).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (result !== 'ok') expect(result).toBeInstanceOf(ConfigError);
        },
      ),
      fcOptions(50),
    );
  }, 60_000);
});
