// argv + environment → which project loads: discovery upwards with override files, -f over
// COMPOSE_FILE, --profile over COMPOSE_PROFILES, -p over COMPOSE_PROJECT_NAME, --env-file over
// COMPOSE_ENV_FILES over .env, --project-directory. Real files in a temp tree, no Docker.
import type { Command } from 'commander';
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { loadOptionsOf } from '../../src/cli/options.js';
import { loadProject } from '../../src/config/load.js';
import type { Project } from '../../src/config/project.js';
import { ConfigError } from '../../src/errors.js';
import { removeTempProjects, tempProject } from '../config/helpers.js';

afterAll(removeTempProjects);

const root = realpathSync(
  tempProject({
    'compose.yaml': 'services:\n  a: { image: foxdev/busybox:1 }\n  b: { image: foxdev/busybox:1, profiles: [x] }\n',
    'compose.override.yml': 'services:\n  a: { environment: { O: "${V}", W: "${W:-none}" } }\n',
    'other.yaml': 'services:\n  c: { image: foxdev/busybox:1 }\n',
    '.env': 'V=dotenv\n',
    'alt.env': 'V=alt\n',
    'alt2.env': 'W=${V}-2\n',
    'sub/deep/.keep': '',
  }),
);
const dotenvFiles = realpathSync(tempProject({ '.env': 'COMPOSE_FILE=two.yaml\nCOMPOSE_PROFILES=p\n', 'two.yaml': 'services:\n  t: { image: foxdev/busybox:1, profiles: [p] }\n' }));
const foxdevUp = realpathSync(tempProject({ 'foxdev.config.mjs': "export default { name: 'fx', services: { x: { image: 'foxdev/busybox:1' } } };\n", 'compose.yaml': 'services:\n  ignored: { image: x }\n', 'sub/.keep': '' }));

/** Parse argv like the CLI (with -C <cwd>), then load as the command would. */
async function load(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<Project> {
  const program = buildProgram();
  let cmd: Command | undefined;
  program.commands.find((c) => c.name() === 'config')!.action((...args: unknown[]) => void (cmd = args[args.length - 1] as Command));
  await program.parseAsync(['-C', cwd, ...argv, 'config'], { from: 'user' });
  return loadProject({ ...loadOptionsOf(cmd!), env: { PATH: process.env.PATH ?? '', ...env } });
}
const env = (p: Project, k: string) => p.services.a?.environment[k];
const deep = path.join(root, 'sub/deep');

describe('which files', () => {
  it('walks up from the directory to the first compose file, merging its override; project dir is that directory', async () => {
    const p = await load(deep, []);
    expect(p.files).toEqual([path.join(root, 'compose.yaml'), path.join(root, 'compose.override.yml')]);
    expect(p.dir).toBe(root);
    expect(p.name).toBe(path.basename(root).toLowerCase().replace(/[^a-z0-9_-]/g, ''));
    expect(env(p, 'O')).toBe('dotenv'); // the .env beside the file found, not in cwd
  });

  it('a foxdev.config.* found upwards wins over a compose file beside it', async () => {
    const p = await load(path.join(foxdevUp, 'sub'), []);
    expect(p.name).toBe('fx');
    expect(Object.keys(p.services)).toEqual(['x']);
  });

  it('-f files (relative to cwd, repeated) and no override merge', async () => {
    const p = await load(root, ['-f', 'compose.yaml', '-f=other.yaml']);
    expect(p.files).toEqual([path.join(root, 'compose.yaml'), path.join(root, 'other.yaml')]);
    expect(Object.keys(p.services).sort()).toEqual(['a', 'c']);
  });

  it('COMPOSE_FILE with ":" or COMPOSE_PATH_SEPARATOR; -f wins over it', async () => {
    expect((await load(root, [], { COMPOSE_FILE: 'other.yaml:compose.yaml' })).files).toEqual([path.join(root, 'other.yaml'), path.join(root, 'compose.yaml')]);
    expect((await load(root, [], { COMPOSE_FILE: 'other.yaml;compose.yaml', COMPOSE_PATH_SEPARATOR: ';' })).files).toHaveLength(2);
    expect((await load(root, ['-f', 'other.yaml'], { COMPOSE_FILE: 'compose.yaml' })).files).toEqual([path.join(root, 'other.yaml')]);
  });

  it('COMPOSE_FILE and COMPOSE_PROFILES may come from .env', async () => {
    const p = await load(dotenvFiles, []);
    expect(Object.keys(p.services)).toEqual(['t']);
  });

  it('--project-directory: discovery starts there, and it stays the project directory', async () => {
    const p = await load(deep, ['--project-directory', '../..']);
    expect(p.dir).toBe(root);
    expect(p.files[0]).toBe(path.join(root, 'compose.yaml'));
  });

  it('nothing found up to the root, or -C to a missing directory: one clear ConfigError', async () => {
    await expect(load(path.join(root, 'nope'), [])).rejects.toThrow(ConfigError);
    await expect(load(root, ['-f', 'missing.yaml'])).rejects.toThrow(/file not found/);
  });
});

describe('profiles, project name, env files', () => {
  it('--profile (repeated) over COMPOSE_PROFILES (comma-separated)', async () => {
    expect(Object.keys((await load(root, [], { COMPOSE_PROFILES: 'y, x' })).services)).toEqual(['a', 'b']);
    expect(Object.keys((await load(root, ['--profile', 'y'], { COMPOSE_PROFILES: 'x' })).services)).toEqual(['a']);
    expect(Object.keys((await load(root, ['--profile', 'y', '--profile', 'x'])).services)).toEqual(['a', 'b']);
  });

  it('-p over COMPOSE_PROJECT_NAME over the directory', async () => {
    expect((await load(root, [], { COMPOSE_PROJECT_NAME: 'fromenv' })).name).toBe('fromenv');
    expect((await load(root, ['-p', 'flag'], { COMPOSE_PROJECT_NAME: 'fromenv' })).name).toBe('flag');
  });

  it('--env-file replaces .env; later files win and see earlier ones; the shell wins over all', async () => {
    expect(env(await load(root, ['--env-file', 'alt.env']), 'O')).toBe('alt');
    const two = await load(root, ['--env-file', 'alt.env', '--env-file=alt2.env']);
    expect([env(two, 'O'), env(two, 'W')]).toEqual(['alt', 'alt-2']);
    expect(env(await load(root, ['--env-file', 'alt.env'], { V: 'shell' }), 'O')).toBe('shell');
    // Relative to cwd, not the project directory.
    expect(env(await load(deep, ['--env-file', '../../alt.env']), 'O')).toBe('alt');
  });

  it('COMPOSE_ENV_FILES (comma-separated) when no --env-file; --env-file wins', async () => {
    expect(env(await load(root, [], { COMPOSE_ENV_FILES: 'alt.env,alt2.env' }), 'W')).toBe('alt-2');
    expect(env(await load(root, ['--env-file', '.env'], { COMPOSE_ENV_FILES: 'alt.env' }), 'O')).toBe('dotenv');
  });

  it('COMPOSE_DISABLE_ENV_FILE skips .env', async () => {
    expect(env(await load(root, [], { COMPOSE_DISABLE_ENV_FILE: 'true' }), 'O')).toBe('');
  });

  it('a missing --env-file is a problem naming it', async () => {
    await expect(load(root, ['--env-file', 'missing.env'])).rejects.toThrow(/missing\.env/);
  });
});

describe('project or name (down, ps, logs)', () => {
  const empty = realpathSync(tempProject({ 'sub/.keep': '' }));
  async function orName(cwd: string, argv: string[], env: Record<string, string> = {}) {
    const { projectOrName } = await import('../../src/cli/project-or-name.js');
    const program = buildProgram();
    let cmd: Command | undefined;
    program.commands.find((c) => c.name() === 'down')!.action((...args: unknown[]) => void (cmd = args[args.length - 1] as Command));
    await program.parseAsync(['-C', cwd, ...argv, 'down'], { from: 'user' });
    return projectOrName(cmd!, env);
  }

  it('-p NAME with no file here or above: the name alone, every labelled container', async () => {
    const r = await orName(path.join(empty, 'sub'), ['-p', 'byname']);
    expect(r).toMatchObject({ byName: true, project: { name: 'byname', files: [], services: {} } });
  });

  it('COMPOSE_PROJECT_NAME stands in for -p when nothing loads', async () => {
    expect((await orName(empty, [], { COMPOSE_PROJECT_NAME: 'fromenv' })).project.name).toBe('fromenv');
  });

  it('-p NAME where files are found: they load (for order and grace periods), and all labelled containers count', async () => {
    const r = await orName(root, ['-p', 'named']);
    expect(r.byName).toBe(true);
    expect(r.project.name).toBe('named');
    expect(Object.keys(r.project.services)).toEqual(['a']);
  });

  it('without a name, or with -f, a project that does not load is still an error', async () => {
    await expect(orName(empty, [])).rejects.toThrow(ConfigError);
    await expect(orName(empty, ['-p', 'x', '-f', 'missing.yaml'])).rejects.toThrow(/file not found/);
    await expect(orName(empty, ['-p', 'Bad Name'])).rejects.toThrow(/must be lower case/);
  });

  it('files found and no -p: not by name (orphans stay unless --remove-orphans)', async () => {
    expect((await orName(root, [])).byName).toBe(false);
  });
});
