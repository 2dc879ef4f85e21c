// buildProgram(argv) gives the global options after the command (`foxdev config -C dir`) only to
// the command argv names, found past the global options and their values; with none named
// (help, an unknown option) every command gets them. A wrong guess would make a trailing
// global an unknown option, so each case parses for real.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';

const trailingOn = (program: Command) => program.commands.filter((c) => c.options.some((o) => o.long === '--project-dir')).map((c) => c.name());

/** Parse argv as the CLI does; return the options the named command's action saw. */
async function run(words: string[], command: string): Promise<{ trailing: string[]; opts: Record<string, unknown> }> {
  const argv = ['node', 'foxdev', ...words];
  const program = buildProgram(argv).exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  let opts: Record<string, unknown> = {};
  program.commands.find((c) => c.name() === command)!.action((...args: unknown[]) => void (opts = (args.at(-1) as Command).opts()));
  const trailing = trailingOn(program);
  await program.parseAsync(argv);
  return { trailing, opts };
}

describe('trailing global options', () => {
  it('go to the command named after global options with separate, inline and shorthand values', async () => {
    for (const words of [
      ['config', '-C', '/tmp'],
      ['-f', 'a.yaml', '-p', 'x', 'config', '-C', '/tmp'],
      ['--file=a.yaml', '-px', '--ansi', 'never', '--verbose', 'config', '--project-dir', '/tmp'],
      ['-f=a.yaml', '--profile', 'p', '--env-file', 'e', 'config', '-C', '/tmp'],
    ]) {
      const r = await run(words, 'config');
      expect(r.trailing, words.join(' ')).toEqual(['config']);
      expect(r.opts.projectDir, words.join(' ')).toBe('/tmp');
    }
  });

  it('every command has them when argv names none or starts with an option foxdev does not know', () => {
    const all = trailingOn(buildProgram());
    expect(all.length).toBeGreaterThan(20);
    expect(trailingOn(buildProgram(['node', 'foxdev', '--help']))).toEqual(all);
    expect(trailingOn(buildProgram(['node', 'foxdev', '--nope', 'config']))).toEqual(all);
    expect(trailingOn(buildProgram(['node', 'foxdev', 'nosuchcommand']))).toEqual(all);
  });

  it('a value that looks like a command name is still the option’s value', async () => {
    const r = await run(['-p', 'ps', 'config', '-C', '/tmp'], 'config');
    expect(r.trailing).toEqual(['config']);
  });
});
