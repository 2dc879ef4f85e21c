// `foxdev create`: compose's `create` verb — build what needs building, make the networks,
// volumes and containers `up` would, start nothing (`foxdev start` or `up` starts them).
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import type { Project } from '../config/project.js';
import type { UpPlanOptions } from '../plan/up.js';
import { progress, projectAndEngine, say } from './engine-verb.js';
import { removeOrphansSet } from '../plan/orphans.js';

/** `up --no-start`: create as `foxdev create` does, for a project up has loaded already. */
export async function createOnly(project: Project, services: string[], plan: UpPlanOptions, removeOrphans: boolean): Promise<void> {
  const runtime = await (await import('../runtime/engine-runtime.js')).connectRuntime();
  const orphans = await import('../engine/verbs/orphans.js');
  if (removeOrphans || removeOrphansSet(project)) await orphans.removeOrphans(runtime, project, say);
  else await orphans.warnOrphans(runtime, project, (l) => process.stderr.write(`${l}\n`));
  const { createServices } = await import('../engine/verbs/create.js');
  await createServices(runtime, project, services, plan, say, progress);
}

interface CreateFlags {
  forceRecreate?: boolean;
  recreate?: boolean;
  removeOrphans?: boolean;
  scale?: string[];
  pull?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** --build/--no-build/--force-recreate/--no-recreate as up's plan options; compose's messages when they clash. */
export function createPlanOptions(words: string[], flags: { forceRecreate?: boolean; recreate?: boolean; deps?: boolean }): UpPlanOptions {
  // commander keeps --build and --no-build in one attribute: read the words themselves.
  const wantBuild = words.includes('--build');
  const noBuild = words.includes('--no-build');
  if (wantBuild && noBuild) throw new FoxdevError('usage', '--build and --no-build are incompatible');
  if (flags.forceRecreate && flags.recreate === false) throw new FoxdevError('usage', '--force-recreate and --no-recreate are incompatible');
  return { build: wantBuild ? 'always' : noBuild ? 'never' : 'auto', forceRecreate: flags.forceRecreate, noRecreate: flags.recreate === false, noDeps: flags.deps === false };
}

export function register(program: Command): void {
  program
    .command('create')
    .description('create the containers of the services (and their dependencies), with networks and volumes, without starting them')
    .argument('[services...]')
    .option('--build', 'build images before creating containers')
    .option('--no-build', 'do not build an image, even if missing')
    .option('--force-recreate', 'recreate containers even if their configuration and image have not changed')
    .option('--no-recreate', 'if containers already exist, do not recreate them (incompatible with --force-recreate)')
    .option('--remove-orphans', 'remove containers for services not defined in the compose file')
    .option('--scale <service=n>', 'create n containers of a service, over its scale / deploy.replicas (repeatable)', collect)
    .option('--quiet-pull', 'pull without printing progress information (accepted; foxdev prints one line per pull)')
    .option('--pull <policy>', 'pull images first: always, missing, never, or policy (default: each service’s pull_policy)')
    .option('-y, --yes', 'assume "yes" as answer to all prompts (accepted; create asks nothing)')
    .action(async (services: string[], flags: CreateFlags, cmd: Command) => {
      const plan = createPlanOptions(process.argv, flags);
      const { checkPull, withPull } = await import('./pull-flag.js');
      checkPull(flags.pull);
      const loaded = await projectAndEngine(cmd, services);
      const { runtime } = loaded;
      const project = withPull(loaded.project, flags.pull);
      const orphans = await import('../engine/verbs/orphans.js');
      if (flags.removeOrphans || removeOrphansSet(project)) await orphans.removeOrphans(runtime, project, say);
      else await orphans.warnOrphans(runtime, project, (l) => process.stderr.write(`${l}\n`));
      const { createServices } = await import('../engine/verbs/create.js');
      const { parseScaleFlags } = await import('../plan/replicas.js');
      await createServices(runtime, project, services, { ...plan, scale: parseScaleFlags(project, flags.scale ?? []) }, say, progress);
    });
}
