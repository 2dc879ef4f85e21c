// Reseed actions when no session runs the project (`foxdev seed` from a terminal of its own):
// the project's containers are found by label; jobs run again as `up` runs them (run-job.ts).
import type { Project } from '../../config/project.js';
import type { ReseedState } from '../../plan/reseed.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { ReseedActions } from './reseed-walk.js';
import { runJobAgain } from './run-job.js';

/** What exists now, per service; a running container wins over an exited one of the same service. */
export async function dockerReseedState(runtime: Runtime, project: Project): Promise<{ state: ReseedState; ids: Map<string, string> }> {
  const known: Record<string, string> = {};
  const ids = new Map<string, string>();
  for (const c of await runtime.listProjectContainers(project.name)) {
    if (!c.service || known[c.service] === 'running') continue;
    known[c.service] = c.state;
    ids.set(c.service, c.id);
  }
  return { state: { known }, ids };
}

export function dockerReseedActions(
  runtime: Runtime,
  project: Project,
  ids: Map<string, string>,
  o: { reseed: (service: string) => Promise<void>; jobLine: (service: string, line: string) => void },
): ReseedActions {
  const id = (service: string) => ids.get(service)!;
  return {
    stop: (s) => runtime.stopContainer(id(s), project.services[s].stopGracePeriodMs),
    pause: (s) => runtime.pauseContainer(id(s)),
    reseed: o.reseed,
    runJob: (s) => runJobAgain(runtime, project, s, (l) => o.jobLine(s, l)),
    restart: (s) => runtime.startContainer(id(s)),
    resume: (s) => runtime.unpauseContainer(id(s)),
  };
}
