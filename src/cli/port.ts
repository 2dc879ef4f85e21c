import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { projectAndEngine, say } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('port')
    .description('print the host address (host:port) a service’s container port is published on')
    .argument('<service>')
    .argument('<private_port>')
    .option('--protocol <proto>', 'tcp or udp', 'tcp')
    .option('--index <n>', 'which container, when there are several', '1')
    .action(async (service: string, port: string, flags: { protocol: string; index: string }, cmd: Command) => {
      if (!/^\d+$/.test(port)) throw new FoxdevError('usage', `invalid port ${port}`);
      if (flags.protocol !== 'tcp' && flags.protocol !== 'udp') throw new FoxdevError('usage', `invalid protocol ${flags.protocol}: tcp or udp`);
      const { project, runtime } = await projectAndEngine(cmd, [service]);
      const { publishedPort } = await import('../engine/verbs/port.js');
      say(await publishedPort(runtime, project, service, Number(port), flags.protocol, Number(flags.index)));
    });
}
