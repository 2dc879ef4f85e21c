import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('cp')
    .description('copy files between a service container and the host: cp SERVICE:SRC DEST or cp SRC SERVICE:DEST')
    .argument('<src>', 'SERVICE:PATH or a host path')
    .argument('<dest>', 'SERVICE:PATH or a host path')
    .option('--index <n>', 'only this replica of a scaled service (default: into every one, out of the first)')
    .option('--all', 'also the one-off containers `run` made')
    .option('-L, --follow-link', 'always follow a symbolic link in SRC')
    .option('-a, --archive', 'archive mode: keep uid/gid of the files')
    .action(async (src: string, dest: string, flags: { index?: string; all?: boolean; followLink?: boolean; archive?: boolean }, cmd: Command) => {
      const { parseCpArg, checkCpArgs, copy } = await import('../engine/verbs/cp.js');
      const [s, d] = [parseCpArg(src), parseCpArg(dest)];
      checkCpArgs(s, d); // before loading the project: a usage mistake needs no engine
      const index = flags.index === undefined ? undefined : Number(flags.index);
      if (index !== undefined && !(Number.isInteger(index) && index >= 1)) throw new FoxdevError('usage', `--index ${flags.index}: expected a replica number (1, 2, …)`);
      const { project, runtime } = await projectAndEngine(cmd);
      await copy(runtime, project, s, d, (l) => process.stderr.write(`${l}\n`), { index, all: flags.all, followLink: flags.followLink, archive: flags.archive });
    });
}
