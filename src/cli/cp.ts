import type { Command } from 'commander';
import { projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('cp')
    .description('copy files between a service container and the host: cp SERVICE:SRC DEST or cp SRC SERVICE:DEST')
    .argument('<src>', 'SERVICE:PATH or a host path')
    .argument('<dest>', 'SERVICE:PATH or a host path')
    .action(async (src: string, dest: string, _flags: unknown, cmd: Command) => {
      const { parseCpArg, checkCpArgs, copy } = await import('../engine/verbs/cp.js');
      const [s, d] = [parseCpArg(src), parseCpArg(dest)];
      checkCpArgs(s, d); // before loading the project: a usage mistake needs no engine
      const { project, runtime } = await projectAndEngine(cmd);
      await copy(runtime, project, s, d, (l) => process.stderr.write(`${l}\n`));
    });
}
