import type { Command } from 'commander';
import { progress, projectAndEngine, say } from './engine-verb.js';

interface RmFlags {
  force?: boolean;
  stop?: boolean;
  volumes?: boolean;
}

export function register(program: Command): void {
  program
    .command('rm')
    .description('remove stopped service containers (running ones only with -s)')
    .argument('[services...]')
    .option('-f, --force', 'do not ask to confirm')
    .option('-s, --stop', 'stop running containers first, then remove them')
    .option('-v, --volumes', 'also remove the containers’ anonymous volumes')
    .action(async (services: string[], flags: RmFlags, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { rmTargets, removeContainers } = await import('../engine/verbs/rm.js');
      const t = await rmTargets(runtime, project, services, flags);
      for (const c of t.running) say(`${c.name} is running; not removed (use -s to stop it first)`);
      if (!t.remove.length) return say('No stopped containers');
      // Compose asks before removing; only a person at a terminal can answer.
      if (!flags.force && process.stdin.isTTY) {
        // Lazily: readline and the stream modules it brings are ~10 ms of every command's start.
        const { createInterface } = await import('node:readline/promises');
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question(`Going to remove ${t.remove.map((c) => c.name).join(', ')}\n? Are you sure? [y/N] `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) return;
      }
      await removeContainers(runtime, project, t.remove, flags, progress);
    });
}
