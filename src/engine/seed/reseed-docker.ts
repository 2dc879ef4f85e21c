// Reseed actions when no session runs the project (`foxdev seed` from a terminal of its own):
// the project's containers are found by label; jobs run again as `up` runs them (run-job.ts).
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import type { ReseedState } from '../../plan/reseed.js';
import { listProjectContainers, stopContainer } from '../../runtime/docker/containers.js';
import type { ReseedActions } from './reseed-walk.js';
import { runJobAgain } from './run-job.js';

/** What exists now, per service; a running container wins over an exited one of the same service. */
export async function dockerReseedState(docker: Docker, project: Project): Promise<{ state: ReseedState; ids: Map<string, string> }> {
  const known: Record<string, string> = {};
  const ids = new Map<string, string>();
  for (const c of await listProjectContainers(docker, project.name)) {
    if (!c.service || known[c.service] === 'running') continue;
    known[c.service] = c.state;
    ids.set(c.service, c.id);
  }
  return { state: { known }, ids };
}

export function dockerReseedActions(
  docker: Docker,
  project: Project,
  ids: Map<string, string>,
  o: { reseed: (service: string) => Promise<void>; jobLine: (service: string, line: string) => void },
): ReseedActions {
  const container = (service: string) => docker.getContainer(ids.get(service)!);
  return {
    stop: (s) => stopContainer(docker, ids.get(s)!, project.services[s].stopGracePeriodMs),
    pause: async (s) => void (await container(s).pause()),
    reseed: o.reseed,
    runJob: (s) => runJobAgain(docker, project, s, (l) => o.jobLine(s, l)),
    restart: async (s) => void (await container(s).start()),
    resume: async (s) => void (await container(s).unpause()),
  };
}
