// PURE: the lines the log view lists — one service's or all services' merged by seq — and those
// that pass the search. Kept up to date incrementally: a new state adds only the lines after the
// last seq seen (logsForward binary-searches each buffer), and only those are matched against the
// search. Lines a buffer dropped from its front are filtered out (one pass, only in frames where
// something was dropped). A full rebuild happens only when the scope or the search changes, or
// the state is a fresh snapshot (a reconnect) that numbers lines below what was seen.
import { logsForward, type LogBuffer, type LogLine, type State } from '../../src/store/index.js';
import { matches } from './search.js';

export interface LogModel {
  /** The lines shown, oldest first. */
  lines: LogLine[];
  /** Lines in scope before the search (the count a "12 of 3400" label needs). */
  inScope: number;
  /** Changes whenever `lines` changed (the array itself may grow in place). */
  version: number;
}

interface Cache {
  scope: string | null;
  re: RegExp | undefined;
  lastSeq: number;
  all: LogLine[];
  shown: LogLine[];
  logs: State['logs'] | null;
  /** Per service: lines its buffer had dropped when last read. */
  dropped: Map<string, number>;
}

export function createLogModel(): (state: State, scope: string | null, re: RegExp | undefined) => LogModel {
  let c: Cache | null = null;
  let last: LogModel = { lines: [], inScope: 0, version: 0 };
  return (state, scope, re) => {
    if (c && c.logs === state.logs && c.scope === scope && c.re === re) return last;
    const rebuild = !c || c.scope !== scope || c.re !== re || state.nextSeq <= c.lastSeq;
    if (rebuild) c = { scope, re, lastSeq: 0, all: [], shown: [], logs: null, dropped: new Map() };
    const cache = c!;
    let changed = rebuild;
    for (const line of logsForward(state, { services: scope === null ? undefined : [scope] }, cache.lastSeq)) {
      cache.all.push(line);
      if (!re || matches(re, line.line)) cache.shown.push(line);
      cache.lastSeq = line.seq;
      changed = true;
    }
    const first = new Map<string, number>();
    let trimmed = false;
    for (const [name, buf] of inScope(state, scope)) {
      if ((cache.dropped.get(name) ?? 0) !== buf.dropped) trimmed = true;
      cache.dropped.set(name, buf.dropped);
      first.set(name, buf.end > buf.start ? buf.backing[buf.start].seq : Number.POSITIVE_INFINITY);
    }
    if (trimmed && !rebuild) {
      const live = (l: LogLine) => l.seq >= (first.get(l.service) ?? Number.POSITIVE_INFINITY);
      cache.all = cache.all.filter(live);
      cache.shown = cache.shown.filter(live);
      changed = true;
    }
    cache.logs = state.logs;
    if (changed) last = { lines: cache.shown, inScope: cache.all.length, version: last.version + 1 };
    return last;
  };
}

function inScope(state: State, scope: string | null): Array<[string, LogBuffer]> {
  if (scope !== null) return state.logs[scope] ? [[scope, state.logs[scope]]] : [];
  return Object.entries(state.logs);
}
