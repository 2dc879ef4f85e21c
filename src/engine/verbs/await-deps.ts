// Waiting, outside a session, until a service's dependencies meet their depends_on conditions,
// read from the engine (compose's waitDependencies for `start` and `restart`): a job has
// completed, a database is healthy. Says so in compose's words ("Container x Waiting", then
// "Healthy" or "Exited"). The rules are plan/start-gate.ts's; this only polls.
import type { Project, ResolvedDepends } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { containerProgress } from '../../logfmt/progress.js';
import { optionalFailure } from '../../plan/dependency-words.js';
import { startGate } from '../../plan/start-gate.js';
import type { ProjectContainer } from '../../runtime/runtime.js';

export type ReadState = (id: string) => Promise<{ status: string; exitCode: number; health: string }>;

const POLL_MS = 100;

/** `which`: the depends_on entries to honour (restart: only the `restart: true` ones). */
export async function awaitDependencies(
  read: ReadState,
  project: Project,
  service: string,
  all: ProjectContainer[],
  onLine: (l: string) => void,
  which: (dep: string, d: ResolvedDepends) => boolean = () => true,
): Promise<void> {
  for (const [dep, d] of Object.entries(project.services[service]?.depends_on ?? {})) {
    // service_started is met by the start itself (compose waits for nothing there).
    if (!which(dep, d) || d.condition === 'service_started') continue;
    for (const c of all.filter((x) => x.service === dep)) {
      onLine(containerProgress(c.name, 'Waiting'));
      for (;;) {
        const v = startGate(d.condition, { service: dep, name: c.name, ...(await read(c.id)) });
        if (v.kind === 'met') {
          if (d.condition === 'service_healthy') onLine(containerProgress(c.name, 'Healthy'));
          if (d.condition === 'service_completed_successfully') onLine(containerProgress(c.name, 'Exited'));
          break;
        }
        if (v.kind === 'failed') {
          // compose warns about an optional dependency and goes on.
          if (!d.required) {
            onLine(`${optionalFailure(dep, v.message)}; starting anyway`);
            break;
          }
          throw new FoxdevError('dependency', v.message);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
  }
}
