// Adapted from docker/compose pkg/e2e/compose_environment_test.go: what a one-off sees for a
// variable the image sets (ENV) decides which source won — `run -e NAME` takes the shell first,
// then the project's .env (or --env-file / COMPOSE_ENV_FILES, which replace it), else the image's
// value survives; an explicit `-e NAME=value` beats them all; `environment: [NAME]` passes the
// caller's value or unsets the image's; an unquoted `#` in .env starts a comment, a quoted one
// does not. Each case builds the probe image under compose's name `<project>-<service>`.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { imageName } from '../../src/names/labels.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { BUSYBOX, scenario, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
const built: string[] = [];
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
  for (const img of built.splice(0)) await dockerClient().getImage(img).remove({ force: true }).catch(() => {});
});

// busybox has no printenv applet, so the probe echoes the variable between markers.
const probe = (vars: Record<string, string>, cmd: string) =>
  `FROM ${BUSYBOX}\n${Object.entries(vars).map(([k, v]) => `ENV ${k}=${v}\n`).join('')}CMD ["sh", "-c", ${JSON.stringify(cmd)}]\n`;

describe.runIf(hasEngine)('compose e2e: environment priority', () => {
  it('TestEnvPriority: run -e NAME resolves the shell, then the env file, then the image', async () => {
    s = scenario('envprio', {
      'compose.yaml': 'services:\n  env-compose-priority:\n    build:\n      context: .\n',
      Dockerfile: probe({ WHEREAMI: 'Dockerfile' }, 'echo "<$WHEREAMI>"'),
      '.env': 'WHEREAMI=Env File\n',
      '.env.empty': '\n',
      '.env.override': 'WHEREAMI=override\n',
      '.env.override.with.default': 'WHEREAMI=${WHEREAMI:-EnvFileDefaultValue}\n',
    });
    built.push(imageName(s.project, { name: 'env-compose-priority' }));
    const f = (name: string) => `${s!.dir}/${name}`;
    const run = async (pre: string[], e: string, env?: Record<string, string>) => {
      const r = await s!.fx([...pre, 'run', '--rm', '-e', e, 'env-compose-priority'], env);
      expect(r.exitCode, r.all).toBe(0);
      return /<([^>]*)>/.exec(r.stdout)?.[1];
    };
    expect(await run(['--env-file', f('.env.override')], 'WHEREAMI', { WHEREAMI: 'shell' })).toBe('shell');
    expect(await run(['--env-file', f('.env.override.with.default')], 'WHEREAMI', { WHEREAMI: 'shell' })).toBe('shell');
    expect(await run(['--env-file', f('.env.override.with.default')], 'WHEREAMI')).toBe('EnvFileDefaultValue');
    expect(await run([], 'WHEREAMI', { COMPOSE_ENV_FILES: f('.env.override.with.default') })).toBe('EnvFileDefaultValue');
    expect(await run(['--env-file', f('.env.override')], 'WHEREAMI=shell-run')).toBe('shell-run');
    expect(await run(['--env-file', f('.env.override')], 'WHEREAMI')).toBe('override');
    expect(await run([], 'WHEREAMI')).toBe('Env File');
    expect(await run(['--env-file', f('.env.empty')], 'WHEREAMI')).toBe('Dockerfile');
    const img = await dockerClient().getImage(built[0]).inspect();
    expect(img.RepoTags).toContain(`${built[0]}:latest`);
  });

  it("TestEnvPriorityComposeEnvFile: run -e NAME forwards the project's .env value, not the service env_file's", async () => {
    s = scenario('envprioef', {
      'compose.yaml': 'services:\n  env-compose-priority:\n    build:\n      context: .\n    env_file:\n      - .env.override\n',
      Dockerfile: probe({ WHEREAMI: 'Dockerfile' }, 'echo "<$WHEREAMI>"'),
      '.env': 'WHEREAMI=Env File\n',
      '.env.override': 'WHEREAMI=override\n',
    });
    built.push(imageName(s.project, { name: 'env-compose-priority' }));
    const r = await s.fx(['run', '--rm', '-e', 'WHEREAMI', 'env-compose-priority']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('<Env File>');
    // Without -e the service's env_file applies.
    const plain = await s.fx(['run', '--rm', 'env-compose-priority']);
    expect(plain.stdout).toContain('<override>');
  });

  it("TestUnsetEnv: environment: [NAME] passes the caller's value, else unsets the image's ENV", async () => {
    s = scenario('unsetenv', {
      'compose.yaml': 'services:\n  empty-variable:\n    build:\n      context: .\n    environment:\n      - EMPTY # the caller\'s value, or unset\n',
      Dockerfile: probe({ EMPTY: 'not_empty' }, 'echo "=$EMPTY=${EMPTY+set}="'),
    });
    built.push(imageName(s.project, { name: 'empty-variable' }));
    const b = await s.fx(['build']);
    expect(b.exitCode, b.all).toBe(0);
    const given = await s.fx(['run', '-e', 'EMPTY=hello', '--rm', 'empty-variable']);
    expect(given.stdout).toContain('=hello=set=');
    const fromShell = await s.fx(['run', '--rm', 'empty-variable'], { EMPTY: 'shell' });
    expect(fromShell.stdout).toContain('=shell=set=');
    const unset = await s.fx(['run', '--rm', 'empty-variable']);
    expect(unset.exitCode, unset.all).toBe(0);
    expect(unset.stdout).toContain('===');
    // config shows the passthrough as compose does: the name with no value.
    const cfg = await s.fx(['config']);
    expect(cfg.stdout).toMatch(/EMPTY: null/);
  });

  it('TestCommentsInEnvFile: an unquoted # starts a comment in .env, a quoted one does not', async () => {
    s = scenario('envcomments', {
      'compose.yaml': 'services:\n  env-file-comments:\n    build:\n      context: .\n',
      Dockerfile: probe({ COMMENT: 'Dockerfile', NO_COMMENT: 'Dockerfile' }, 'echo "COMMENT=$COMMENT"; echo "NO_COMMENT=$NO_COMMENT"'),
      '.env': 'COMMENT=1234 #5\nNO_COMMENT="1234#5"\n',
    });
    built.push(imageName(s.project, { name: 'env-file-comments' }));
    const r = await s.fx(['run', '--rm', '-e', 'COMMENT', '-e', 'NO_COMMENT', 'env-file-comments']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^COMMENT=1234$/m);
    expect(r.stdout).toMatch(/^NO_COMMENT=1234#5$/m);
  });
});
