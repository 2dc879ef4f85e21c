// The typed client of a running session (`import { connect } from 'foxdev'`): the CLI's verbs use
// it when a session runs, and so can a script or an editor. One connection; replies are matched
// to requests; `subscribe` delivers every action in the order the session applied it.
import { FoxdevError } from '../errors.js';
import type { Action } from '../store/actions.js';
import { connectLines, type LineClient } from '../runtime/socket-client.js';
import { socketAlive } from '../runtime/socket-server.js';
import { sessionSocketPath } from '../runtime/session-address.js';
import { PROTOCOL_VERSION, type Hello, type Intent, type StateSnapshot } from './protocol.js';

export interface SessionClient {
  hello(): Promise<Hello>;
  state(): Promise<StateSnapshot>;
  subscribe(onAction: (action: Action) => void): Promise<void>;
  /** Resolves when the session has carried the intent out (rejects with its error). */
  intent(intent: Intent): Promise<unknown>;
  close(): void;
  closed: Promise<void>;
}

/** Connect to the session of the project in `project.dir` (its name as foxdev resolved it). */
export async function connect(project: { dir: string; name: string } | { socket: string }): Promise<SessionClient> {
  const file = 'socket' in project ? project.socket : sessionSocketPath(project);
  let lines: LineClient;
  try {
    lines = await connectLines(file);
  } catch (err) {
    throw new FoxdevError('usage', `no foxdev session answers at ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { hint: 'start one with foxdev up' });
  }
  let next = 1;
  const call = async (op: string, extra: Record<string, unknown> = {}): Promise<unknown> => {
    const reply = await lines.request({ v: PROTOCOL_VERSION, id: next++, op, ...extra });
    if (reply.ok !== true) throw new FoxdevError('engine', String(reply.error ?? 'the session refused the request'));
    return reply.result;
  };
  return {
    hello: () => call('hello') as Promise<Hello>,
    state: () => call('state') as Promise<StateSnapshot>,
    subscribe: async (onAction) => {
      lines.onPush((m) => {
        if (m.event === 'action') onAction(m.action as Action);
      });
      await call('subscribe');
    },
    intent: (intent) => call('intent', { intent }),
    close: () => lines.close(),
    closed: lines.closed,
  };
}

/** The running session of a project, or undefined when none answers (verbs then act on the engine directly). */
export async function runningSession(project: { dir: string; name: string }): Promise<SessionClient | undefined> {
  if (!(await socketAlive(sessionSocketPath(project)))) return undefined;
  return connect(project).catch(() => undefined);
}
