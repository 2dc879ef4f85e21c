// Each named fixture holds one kind of mistake; the message (and where it points) is the contract.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../src/errors.js';
import { loadProject } from '../../src/config/load.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

async function problemsOf(name: string): Promise<string[]> {
  const dir = path.join(fixtures, name);
  const err = await loadProject({ cwd: dir, env: {} }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.map((p) => formatProblem({ ...p, file: p.file && path.relative(dir, p.file) }));
}

describe('configuration errors', () => {
  it('unknown key, with a did-you-mean', async () => {
    expect(await problemsOf('config-unknown-key')).toEqual(['compose.yaml:3:5: services.web.imagee: unknown key "imagee" (did you mean "image"?)']);
  });

  it('wrong type', async () => {
    expect(await problemsOf('config-wrong-type')).toEqual(['compose.yaml:4:5: services.web.ports: expected a list, got string "8080:80"']);
  });

  it('depends_on naming a service that does not exist', async () => {
    expect(await problemsOf('config-missing-dependency')).toEqual([
      'compose.yaml:5:9: services.api.depends_on.dbb: depends on "dbb", which is not a service (did you mean "db"?)',
    ]);
  });

  it('a host port used twice', async () => {
    expect(await problemsOf('config-duplicate-port')).toEqual([
      'compose.yaml:10:9: services.admin.ports[1]: host port 8080/tcp is already published by service "web" (services.web.ports[0])',
    ]);
  });

  it('a sync path outside the project (foxdev.config.ts)', async () => {
    const dir = path.join(fixtures, 'config-sync-outside');
    expect(await problemsOf('config-sync-outside')).toEqual([
      `foxdev.config.ts:9:11: services.api.sync[1].path: sync path ${path.resolve(dir, '../elsewhere')} is outside the project directory ${dir}`,
    ]);
  });

  it('a dependency cycle, named', async () => {
    expect(await problemsOf('config-cycle')).toEqual(['compose.yaml:4:18: services.a.depends_on.b: dependency cycle: a → b → c → a']);
  });

  it('five different mistakes, all reported at once', async () => {
    const dir = path.join(fixtures, 'config-five-mistakes');
    expect(await problemsOf('config-five-mistakes')).toEqual([
      'compose.yaml:5:5: services.web.restrat: unknown key "restrat" (did you mean "restart"?)',
      'compose.yaml:10:5: services.api.environment: expected a mapping or a list, got boolean true',
      'compose.yaml:12:9: services.api.depends_on.databse: depends on "databse", which is not a service (did you mean "database"?)',
      'compose.yaml:14:9: services.api.ports[0]: host port 8080/tcp is already published by service "web" (services.web.ports[0])',
      `compose.yaml:17:11: services.api.x-foxdev.sync[0].path: sync path ${path.resolve(dir, '../outside')} is outside the project directory ${dir}`,
    ]);
  });
});
