// `foxdev up` as a library call: plan, start, and (for --detach / ci) wait until everything is
// ready or something failed. The CLI adds the view and the signal handling around it.
import type Docker from 'dockerode';
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import type { Action } from '../store/actions.js';
import type { Seeder } from './context.js';
import { Session, type Settled } from './session.js';

export interface UpOptions {
  docker: Docker;
  project: Project;
  targets: string[];
  dispatch: (a: Action) => void;
  seeder?: Seeder;
  detach?: boolean;
}

export async function startUp(opts: UpOptions): Promise<Session> {
  const session = new Session({ docker: opts.docker, project: opts.project, dispatch: opts.dispatch, seeder: opts.seeder, detach: opts.detach });
  const plan = await session.prepare(opts.targets);
  await session.start(plan);
  return session;
}

/** Wait for `settled`, or time out naming the services that are not ready yet. */
export async function waitSettled(session: Session, timeoutMs: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => {
      const waiting = [...session.runs.values()].filter((r) => (r.svc.kind === 'job' ? r.completed : r.ready).state === 'pending');
      resolve({
        ok: false,
        failures: waiting.map((r) => ({ service: r.name, reason: `not ready after ${Math.round(timeoutMs / 1000)}s${r.lastProbe ? ` (last probe: ${r.lastProbe})` : ''}`, lastLines: [...r.lastLines] })),
      });
    }, timeoutMs);
  });
  try {
    return await Promise.race([session.settled(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function settledError(s: Settled): FoxdevError {
  const first = s.failures[0];
  const others = s.failures.length > 1 ? ` (and ${s.failures.slice(1).map((f) => f.service).join(', ')})` : '';
  return new FoxdevError('dependency', `${first.service}: ${first.reason}${others}`);
}
