// argv → command + options, as a compose user types them: every global option before the
// command, `=` forms, repeats, options after the command where they do not clash with the
// command's own, and exit codes for usage errors. The commands' actions are replaced by a
// recorder, so nothing here talks to Docker.
import type { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, runCli } from '../../src/cli/program.js';
import { globalOptions, type GlobalOptions } from '../../src/cli/options.js';
import { outputModes, wantColor } from '../../src/cli/apply-globals.js';

interface Parsed {
  command: string;
  args: unknown[];
  opts: Record<string, unknown>;
  globals: GlobalOptions;
}

function recordAll(cmd: Command, seen: { parsed?: Parsed }): void {
  for (const sub of cmd.commands) {
    sub.action((...a: unknown[]) => {
      const c = a.at(-1) as Command;
      seen.parsed = { command: c.parent && c.parent.parent ? `${c.parent.name()} ${c.name()}` : c.name(), args: c.processedArgs, opts: c.opts(), globals: globalOptions(c) };
    });
    recordAll(sub, seen);
  }
}

async function parse(argv: string[]): Promise<Parsed> {
  const program = buildProgram().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  const seen: { parsed?: Parsed } = {};
  recordAll(program, seen);
  await program.parseAsync(argv, { from: 'user' });
  if (!seen.parsed) throw new Error(`no command ran for ${argv.join(' ')}`);
  return seen.parsed;
}

const savedEnv = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  vi.restoreAllMocks();
});

describe('global options before the command', () => {
  const table: Array<[string[], string, Partial<GlobalOptions>, Record<string, unknown>?, unknown[]?]> = [
    [['-f', 'compose.yaml', 'up', '-d'], 'up', { file: ['compose.yaml'] }, { detach: true }],
    [['--profile', 'debug', 'config'], 'config', { profile: ['debug'] }],
    [['-f', 'compose.yaml', 'ci'], 'ci', { file: ['compose.yaml'] }],
    [['-f=orphan.yaml', 'down'], 'down', { file: ['orphan.yaml'] }],
    [['--file=a.yaml', '--file', 'b.yaml', '-fc.yaml', '-f', 'd.yaml', 'ps'], 'ps', { file: ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'] }],
    [['--profile', 'a', '--profile=b', 'up'], 'up', { profile: ['a', 'b'] }],
    [['-p', 'demo', 'down'], 'down', { projectName: 'demo' }],
    [['-p=demo', 'down'], 'down', { projectName: 'demo' }],
    [['--project-name=demo', 'ps'], 'ps', { projectName: 'demo' }],
    [['--project-directory', 'some/dir', 'config'], 'config', { projectDirectory: 'some/dir' }],
    [['--project-directory=some/dir', 'config'], 'config', { projectDirectory: 'some/dir' }],
    [['-C', 'dir', '-p', 'x', 'up', '--no-tui'], 'up', { projectDir: 'dir', projectName: 'x' }, { tui: false }],
    [['--env-file', 'a.env', '--env-file=b.env', 'config'], 'config', { envFile: ['a.env', 'b.env'] }],
    [['--ansi', 'never', 'logs'], 'logs', { ansi: 'never' }, { color: false }],
    [['--ansi=always', 'ps'], 'ps', { ansi: 'always' }],
    [['--progress', 'plain', 'up'], 'up', { progress: 'plain' }, { tui: false }],
    [['--progress=quiet', 'up', '-d'], 'up', { progress: 'quiet' }, { tui: false, detach: true }],
    [['--progress', 'json', 'ps'], 'ps', { progress: 'json' }],
    [['--dry-run', 'up'], 'up', { dryRun: true }, { dryRun: true }],
    [['-f', 'a.yaml', '-f', 'b.yaml', '--profile', 'x', '-p', 'n', '--env-file', 'e', '--ansi', 'never', '--progress', 'plain', 'up', '-d', 'api'], 'up',
      { file: ['a.yaml', 'b.yaml'], profile: ['x'], projectName: 'n', envFile: ['e'], ansi: 'never', progress: 'plain' }, { detach: true, tui: false, color: false }, [['api']]],
  ];
  it.each(table)('%j → %s', async (argv, command, globals, opts, args) => {
    const p = await parse(argv);
    expect(p.command).toBe(command);
    expect(p.globals).toMatchObject(globals);
    if (opts) expect(p.opts).toMatchObject(opts);
    if (args) expect(p.args).toEqual(args);
  });

  it('--compatibility sets COMPOSE_COMPATIBILITY, which names containers as compose v1 did', async () => {
    const before = process.env.COMPOSE_COMPATIBILITY;
    try {
      expect((await parse(['--compatibility', 'ps'])).globals.compatibility).toBe(true);
      expect(process.env.COMPOSE_COMPATIBILITY).toBe('true');
    } finally {
      if (before === undefined) delete process.env.COMPOSE_COMPATIBILITY;
      else process.env.COMPOSE_COMPATIBILITY = before;
    }
  });

  it.each([
    [[], false, false],
    [[], true, true],
    [['--ansi', 'always'], false, true],
    [['--ansi', 'never'], true, false],
    [['--ansi', 'always', 'logs', '--no-color'], false, false],
  ])('colour in line output: %j, on a terminal %s → %s', async (globals, tty, expected) => {
    const argv = globals.includes('logs') ? globals : [...globals, 'logs'];
    const p = await parse(argv);
    expect(wantColor(p.opts.color as boolean | undefined, tty)).toBe(expected);
  });

  it('--ansi never turns colour off for what runs next', async () => {
    await parse(['--ansi', 'never', 'ps']);
    expect(process.env.NO_COLOR).toBe('1');
    expect(process.env.FORCE_COLOR).toBe('0');
  });
});

describe('options after the command', () => {
  const table: Array<[string[], string, Partial<GlobalOptions>, Record<string, unknown>?, unknown[]?]> = [
    // The command's own short options are its own: compose's `logs -f` follows, `rm -f` forces.
    [['logs', '-f', 'api'], 'logs', {}, { follow: true }, [['api']]],
    [['-f', 'c.yaml', 'logs', 'api', '-f'], 'logs', { file: ['c.yaml'] }, { follow: true }, [['api']]],
    [['rm', '-f'], 'rm', {}, { force: true }],
    [['down', '-v', '--remove-orphans'], 'down', {}, { volumes: true, removeOrphans: true }],
    // --dry-run is compose's one persistent flag: the same before or after the command.
    [['up', '--dry-run', 'api'], 'up', { dryRun: true }, { dryRun: true }, [['api']]],
    [['ps', '-a', '-q'], 'ps', {}, { all: true, quiet: true }],
    // foxdev also takes global options after a command that has no option of that name.
    [['config', '-C', 'dir', '--profile', 'x'], 'config', { projectDir: 'dir', profile: ['x'] }],
    [['--profile', 'a', 'config', '--profile', 'b'], 'config', { profile: ['a', 'b'] }],
    [['-f', 'a.yaml', 'config', '--file=b.yaml', '--services'], 'config', { file: ['a.yaml', 'b.yaml'] }, { services: true }],
    [['-p', 'one', 'ps', '-p', 'two'], 'ps', { projectName: 'two' }],
    [['generate', 'k8s', '-C', 'dir'], 'generate k8s', { projectDir: 'dir' }],
    // A command to run keeps its options: nothing after `exec api` is foxdev's.
    // (a leading `--` reaches the action, which drops it: e2e compose-e2e-networks runs `exec test -- hostname -i`)
    [['exec', 'api', '--', 'ls', '-f', '-p'], 'exec', {}, {}, ['api', ['--', 'ls', '-f', '-p']]],
    // ... and with no `--`, compose's habit (TestNetworkConfigChanged's `exec test hostname -i`).
    [['exec', '-T', 'test', 'hostname', '-i'], 'exec', {}, { tty: false }, ['test', ['hostname', '-i']]],
    [['exec', 'api', 'ls', '-u', 'x', '-T'], 'exec', {}, {}, ['api', ['ls', '-u', 'x', '-T']]],
  ];
  it.each(table)('%j → %s', async (argv, command, globals, opts, args) => {
    const p = await parse(argv);
    expect(p.command).toBe(command);
    expect(p.globals).toEqual(globals);
    if (opts) expect(p.opts).toMatchObject(opts);
    if (args) expect(p.args).toEqual(args);
  });
});

describe('exit codes', () => {
  const quiet = () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  };
  const run = (...argv: string[]) => runCli(['node', 'foxdev', ...argv]);

  it.each([
    [['bogus']],
    [['-f', 'a.yaml', 'bogus']],
    [['--bogus', 'up']],
    [['-f']],
    [['--ansi', 'nope', 'ps']],
    [['--progress', 'fancy', 'ps']],
    [['--dry-run', 'down']],
    [['--progress', 'tty', '--ansi', 'never', 'up']],
    [['--progress', 'plain', '--ansi', 'always', 'up']],
    [['up', '--bogus']],
  ])('%j is a usage error: exit 2', async (argv) => {
    quiet();
    expect(await run(...argv)).toBe(2);
  });

  it('no command prints the help and exits 0, as compose does', async () => {
    const out = quiet();
    expect(await run()).toBe(0);
    const printed = [...out.mock.calls, ...vi.mocked(process.stderr.write).mock.calls].map((c) => String(c[0])).join('');
    expect(printed).toMatch(/Usage: foxdev/);
  });

  it('--help and --version exit 0', async () => {
    quiet();
    expect(await run('--help')).toBe(0);
    expect(await run('--version')).toBe(0);
    expect(await run('up', '--help')).toBe(0);
  });
});

describe('COMPOSE_ANSI and COMPOSE_PROGRESS', () => {
  it.each([
    [{}, {}, { ansi: 'auto', progress: 'auto' }],
    [{}, { COMPOSE_ANSI: 'never', COMPOSE_PROGRESS: 'plain' }, { ansi: 'never', progress: 'plain' }],
    [{ ansi: 'always' }, { COMPOSE_ANSI: 'never' }, { ansi: 'always', progress: 'auto' }],
    [{ progress: 'quiet' }, { COMPOSE_PROGRESS: 'json' }, { ansi: 'auto', progress: 'quiet' }],
  ])('flags %j, env %j → %j', (flags, env, expected) => {
    expect(outputModes(flags, env)).toEqual(expected);
  });
  it('a bad COMPOSE_ANSI is one clear usage error', () => {
    expect(() => outputModes({}, { COMPOSE_ANSI: 'sometimes' })).toThrow(/COMPOSE_ANSI=sometimes: expected one of never, always, auto/);
  });
});
