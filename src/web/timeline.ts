// PURE: the startup timeline of the session's `up`: when each service was created (or began
// building), started, and became ready, the first time each happened; and the critical path —
// from the last service to become ready, back through the dependency that was ready last, to
// the start: the chain that decided how long `up` took. The server folds the store's actions into
// it from the moment it starts (before the services do); the page folds in the same actions.
import type { Action, ServiceState } from '../store/index.js';

export interface Span {
  building?: number;
  created?: number;
  started?: number;
  ready?: number;
}

export type Timeline = Readonly<Record<string, Span>>;

function mark(t: Timeline, service: string, key: keyof Span, at: number): Timeline {
  const span = t[service] ?? {};
  if (span[key] !== undefined) return t;
  return { ...t, [service]: { ...span, [key]: at } };
}

export function timelineReducer(t: Timeline, a: Action): Timeline {
  if (a.type === 'service/started') return mark(t, a.service, 'started', a.at);
  if (a.type !== 'service/phase') return t;
  switch (a.phase) {
    case 'building':
      return mark(t, a.service, 'building', a.at);
    case 'creating':
      return mark(t, a.service, 'created', a.at);
    case 'starting':
    case 'running':
      return mark(t, a.service, 'started', a.at);
    case 'ready':
    case 'completed':
      return mark(t, a.service, 'ready', a.at);
    default:
      return t;
  }
}

/** When a span began: building, else created, else started. */
export function spanStart(s: Span): number | undefined {
  return s.building ?? s.created ?? s.started;
}

/** Service names from the first on the path to the one that became ready last. */
export function criticalPath(t: Timeline, services: readonly Pick<ServiceState, 'name' | 'dependsOn'>[]): string[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const readyAt = (n: string) => t[n]?.ready ?? -1;
  let last: string | undefined;
  for (const s of services) if (readyAt(s.name) >= 0 && (last === undefined || readyAt(s.name) > readyAt(last))) last = s.name;
  const path: string[] = [];
  const seen = new Set<string>();
  for (let cur = last; cur !== undefined && !seen.has(cur); ) {
    seen.add(cur);
    path.unshift(cur);
    let next: string | undefined;
    for (const d of byName.get(cur)?.dependsOn ?? []) if (readyAt(d) >= 0 && (next === undefined || readyAt(d) > readyAt(next))) next = d;
    cur = next;
  }
  return path;
}
