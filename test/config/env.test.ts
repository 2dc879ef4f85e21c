// Environment handling as compose v2 does it: ${VAR} in .env (shell first, then earlier lines),
// env_file long syntax (required: false, format: raw), env_file problems only for the services a
// command uses, `- NAME` entries, and naming a profiled service.
import { afterAll, describe, expect, it } from 'vitest';
import { parseDotenv, parseRawEnv } from '../../src/config/dotenv.js';
import { loadProject } from '../../src/config/load.js';
import { withTargetProfiles } from '../../src/config/profiles.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

describe('.env', () => {
  it('resolves ${VAR} from the shell first, then from earlier lines', () => {
    const text = 'HOST=db\nURL=postgres://${HOST}:5432\nPORT=${PORT:-1}\n';
    expect(parseDotenv(text, (n) => ({ HOST: 'shellhost' })[n]).values).toEqual({ HOST: 'db', URL: 'postgres://shellhost:5432', PORT: '1' });
    expect(parseDotenv(text).values.URL).toBe('postgres://db:5432');
  });

  it('feeds the compose file with that order', async () => {
    const dir = tempProject({
      '.env': 'TAG=1\nIMAGE=foxdev/busybox:${TAG}\n',
      'compose.yaml': 'services:\n  a:\n    image: ${IMAGE}\n',
    });
    expect((await loadProject({ cwd: dir, env: {} })).services.a.image).toBe('foxdev/busybox:1');
    expect((await loadProject({ cwd: dir, env: { TAG: '2' } })).services.a.image).toBe('foxdev/busybox:2');
  });
});

describe('env_file', () => {
  it('format: raw keeps the text after "=" as written; required: false ignores a missing file', async () => {
    const dir = tempProject({
      'raw.env': `# comment\nQUOTED="a b"\nDOLLAR=$HOME and \${X}\nSPACES=  x # not a comment\n`,
      'cooked.env': `QUOTED="a b"\nDOLLAR=\${X:-dflt}\n`,
      'compose.yaml': `services:
  raw:
    image: foxdev/busybox:1
    env_file:
      - { path: raw.env, format: raw }
      - { path: missing.env, required: false }
  cooked:
    image: foxdev/busybox:1
    env_file: [cooked.env]
`,
    });
    const p = await loadProject({ cwd: dir, env: { HOME: '/root' } });
    expect(p.services.raw.environment).toEqual({ QUOTED: '"a b"', DOLLAR: '$HOME and ${X}', SPACES: '  x # not a comment' });
    expect(p.services.cooked.environment).toEqual({ QUOTED: 'a b', DOLLAR: 'dflt' });
    expect(parseRawEnv('=x\nOK=1').errors).toEqual([{ line: 1, message: 'expected KEY=VALUE, got "=x"' }]);
  });

  it('a later file sees the values of earlier ones', async () => {
    const dir = tempProject({
      'a.env': 'HOST=from-a\n',
      'b.env': 'URL=http://${HOST}/\n',
      'compose.yaml': 'services:\n  s:\n    image: foxdev/busybox:1\n    env_file: [a.env, b.env]\n',
    });
    expect((await loadProject({ cwd: dir, env: { HOST: 'shell' } })).services.s.environment).toEqual({ HOST: 'from-a', URL: 'http://from-a/' });
  });

  it('a missing file fails only commands that use its service', async () => {
    const dir = tempProject({
      'compose.yaml': `services:
  api:
    image: foxdev/busybox:1
    depends_on: [db]
  db:
    image: foxdev/busybox:1
  worker:
    image: foxdev/busybox:1
    env_file: worker.env
`,
    });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([expect.stringMatching(/services\.worker\.env_file: env file .*worker\.env not found/)]);
    expect(await problems(loadProject({ cwd: dir, env: {}, services: ['worker'] }), dir)).toHaveLength(1);
    const p = await loadProject({ cwd: dir, env: {}, services: ['api'] });
    expect(Object.keys(p.services)).toEqual(['api', 'db', 'worker']);
    await expect(loadProject({ cwd: dir, env: {}, services: [] })).resolves.toBeDefined();
  });

  it('an unknown format is refused', async () => {
    const dir = tempProject({
      'x.env': 'A=1\n',
      'compose.yaml': 'services:\n  s:\n    image: foxdev/busybox:1\n    env_file: [{ path: x.env, format: yaml }]\n',
    });
    expect((await problems(loadProject({ cwd: dir, env: {} }), dir))[0]).toMatch(/unsupported env_file format "yaml"/);
  });
});

describe('environment entries without a value', () => {
  it('take the shell value, or are left out when it is unset', async () => {
    const dir = tempProject({
      '.env': 'FROM_DOTENV=d\n',
      'compose.yaml': 'services:\n  s:\n    image: foxdev/busybox:1\n    environment: [SET, UNSET, FROM_DOTENV, EMPTY]\n',
    });
    const p = await loadProject({ cwd: dir, env: { SET: 'yes', EMPTY: '' } });
    expect(p.services.s.environment).toEqual({ SET: 'yes', FROM_DOTENV: 'd', EMPTY: '' });
  });
});

describe('profiles of named services', () => {
  const all = { web: {}, tool: { profiles: ['debug'] }, other: { profiles: ['debug'] }, db: { profiles: ['dev'] } };

  it('naming a disabled service activates its profiles, nothing else', () => {
    expect(withTargetProfiles(all, [], ['tool'])).toEqual(['debug']);
    expect(withTargetProfiles(all, ['dev'], ['web', 'db'])).toEqual(['dev']);
    expect(withTargetProfiles(all, [], ['nope'])).toEqual([]);
  });

  it('up <profiled service> loads it (and the rest of its profile), its dependency in another profile stays off', async () => {
    const dir = tempProject({
      'compose.yaml': `services:
  web: { image: foxdev/busybox:1 }
  tool: { image: foxdev/busybox:1, profiles: [debug] }
  other: { image: foxdev/busybox:1, profiles: [debug] }
  admin: { image: foxdev/busybox:1, profiles: [admin], depends_on: [db] }
  db: { image: foxdev/busybox:1, profiles: [dev] }
`,
    });
    expect(Object.keys((await loadProject({ cwd: dir, env: {} })).services)).toEqual(['web']);
    const p = await loadProject({ cwd: dir, env: {}, services: ['tool'] });
    expect(Object.keys(p.services)).toEqual(['web', 'tool', 'other']);
    expect(p.profiles).toEqual(['debug']);
    expect((await problems(loadProject({ cwd: dir, env: {}, services: ['admin'] }), dir))[0]).toMatch(/depends on "db", which is not enabled \(profiles: dev\)/);
  });
});
