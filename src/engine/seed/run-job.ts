// Run one job again the way `foxdev up` runs it (the same plan step: start its existing container,
// or create/recreate it from its spec), without its dependencies: a reseed has just made them
// what the job needs. Used by `foxdev seed` when no session runs the project.
import type { Project } from '../../config/project.js';
import type { Action } from '../../store/actions.js';
import { Session } from '../session.js';
import { waitSettled } from '../up.js';
import { ReseedJobFailed } from './reseed-walk.js';
import type { Runtime } from '../../runtime/runtime.js';

/** A migration may take a while; a job that hangs is reported after this long. */
const JOB_TIMEOUT_MS = 10 * 60_000;

export async function runJobAgain(runtime: Runtime, project: Project, job: string, onLine: (line: string) => void, timeoutMs = JOB_TIMEOUT_MS): Promise<void> {
  const dispatch = (a: Action) => {
    if (a.type === 'logs') for (const e of a.entries) if (e.service === job) onLine(e.line);
  };
  const session = new Session({ runtime, project, dispatch, detach: true });
  await session.start(await session.prepare([job], { noDeps: true }));
  const result = await waitSettled(session, timeoutMs);
  await session.detach();
  if (!result.ok) {
    const f = result.failures[0];
    throw new ReseedJobFailed(f.reason, f.lastLines);
  }
}
