// `foxdev wait SERVICE…`: block until the services' containers (one-offs included, as compose's
// wait) have exited, reporting each as it exits; the answer is the code of the last to exit.
import { FoxdevError } from '../../errors.js';
import type { ProjectContainer, Runtime } from '../../runtime/runtime.js';

/**
 * What to wait for: compose waits for the running containers of the services. When none of them
 * runs, foxdev answers with the containers that already exited (compose would say there is nothing
 * to wait for), so `up -d; wait job` cannot lose the race against a fast job.
 */
export function waitTargets(containers: ProjectContainer[], names: string[]): ProjectContainer[] {
  const selected = containers.filter((c) => names.includes(c.service));
  const running = selected.filter((c) => c.running);
  return running.length ? running : selected.filter((c) => c.state === 'exited');
}

export interface Exit { container: ProjectContainer; code: number }

export async function waitServices(runtime: Runtime, projectName: string, names: string[], onExit: (e: Exit) => void): Promise<Exit[]> {
  const targets = waitTargets(await runtime.listProjectContainers(projectName), names);
  if (!targets.length) throw new FoxdevError('not-found', `no containers for project "${projectName}" to wait for (services ${names.join(', ')})`);
  // Nothing lets go of these waits early: the command ends when they do (or on Ctrl-C).
  const forever = new AbortController().signal;
  const exits: Exit[] = [];
  await Promise.all(targets.map(async (container) => {
    const e = { container, code: await runtime.waitContainer(container.id, forever) };
    exits.push(e);
    onExit(e);
  }));
  return exits;
}
