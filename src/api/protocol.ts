// PURE: the session's wire protocol, version 1. One JSON object per line over the session's Unix
// socket. A client sends requests `{ v: 1, id, op, ... }`; the session answers each with
// `{ v: 1, id, ok: true, result }` or `{ v: 1, id, ok: false, error }`, and, after `subscribe`,
// pushes `{ v: 1, event: 'action', action }` for every store action in the order it applied them.
// Versioned so a newer client can tell an older session apart; bad input gets an error reply.
import type { Action } from '../store/actions.js';
import type { State } from '../store/state.js';
import type { LogLine } from '../store/types.js';
import { logBufferSize, logLineAt } from '../store/log-buffer.js';

export const PROTOCOL_VERSION = 1;
/** A request line longer than this is refused (and the connection closed): nothing sane is that big. */
export const MAX_LINE_BYTES = 1 << 20;

export type Intent =
  | { kind: 'restart'; service?: string }
  | { kind: 'rebuild'; service: string }
  | { kind: 'reseed'; services?: string[] }
  | { kind: 'stop' };

export type Request =
  | { v: 1; id: number | string; op: 'hello' }
  | { v: 1; id: number | string; op: 'state' }
  | { v: 1; id: number | string; op: 'subscribe' }
  | { v: 1; id: number | string; op: 'intent'; intent: Intent };

export interface Hello {
  protocol: number;
  project: string;
  pid: number;
  services: string[];
}

export type Reply = { v: 1; id: number | string; ok: true; result: unknown } | { v: 1; id: number | string | null; ok: false; error: string };
export type Push = { v: 1; event: 'action'; action: Action };
export type Message = Reply | Push;

/** A request, or the one-line reason it is not one (sent back as the error). */
export function parseRequest(line: string): Request | { error: string; id: number | string | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { error: 'not JSON: each request is one JSON object on one line', id: null };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'a request is a JSON object', id: null };
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === 'number' || typeof r.id === 'string' ? r.id : null;
  if (id === null) return { error: 'a request needs an "id" (number or string)', id: null };
  if (r.v !== PROTOCOL_VERSION) return { error: `protocol version ${JSON.stringify(r.v)} is not spoken here (this session speaks v${PROTOCOL_VERSION})`, id };
  if (r.op === 'hello' || r.op === 'state' || r.op === 'subscribe') return { v: 1, id, op: r.op };
  if (r.op !== 'intent') return { error: `unknown op ${JSON.stringify(r.op)} (hello, state, subscribe, intent)`, id };
  const intent = parseIntent(r.intent);
  return typeof intent === 'string' ? { error: intent, id } : { v: 1, id, op: 'intent', intent };
}

function parseIntent(raw: unknown): Intent | string {
  if (typeof raw !== 'object' || raw === null) return 'intent: expected an object such as {"kind":"restart","service":"api"}';
  const i = raw as Record<string, unknown>;
  const service = i.service === undefined ? undefined : typeof i.service === 'string' ? i.service : null;
  if (service === null) return 'intent.service: expected a service name';
  switch (i.kind) {
    case 'restart':
      return { kind: 'restart', service };
    case 'rebuild':
      return service ? { kind: 'rebuild', service } : 'intent.service: rebuild needs a service';
    case 'reseed': {
      if (i.services === undefined) return { kind: 'reseed' };
      if (!Array.isArray(i.services) || !i.services.every((s) => typeof s === 'string')) return 'intent.services: expected a list of service names';
      return { kind: 'reseed', services: i.services as string[] };
    }
    case 'stop':
      return { kind: 'stop' };
    default:
      return `intent.kind ${JSON.stringify(i.kind)} is not one of restart, rebuild, reseed, stop`;
  }
}

/** The state as it travels: services as the store holds them, and the last lines of each log. */
export interface StateSnapshot {
  project: State['project'];
  order: State['order'];
  services: State['services'];
  logs: Record<string, LogLine[]>;
}

export function snapshotOf(state: State, tail = 200): StateSnapshot {
  const logs: Record<string, LogLine[]> = {};
  for (const [name, buf] of Object.entries(state.logs)) {
    const size = logBufferSize(buf);
    const lines: LogLine[] = [];
    for (let i = Math.max(0, size - tail); i < size; i++) lines.push(logLineAt(buf, i)!);
    logs[name] = lines;
  }
  return { project: state.project, order: state.order, services: state.services, logs };
}
