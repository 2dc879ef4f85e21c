// PURE: the session's State as the page's first event, and back. Both ends use this file, so the
// page's State after the snapshot is the session's State (same services, same buffered lines,
// same next seq), and from then on the same reducer applied to the same actions keeps them equal.
import { DEFAULT_LOG_BUFFER_LINES, initialState, logBufferLines, type LogBuffer, type State } from '../store/index.js';
import type { Timeline } from './timeline.js';
import type { WebSnapshot } from './wire.js';

export function snapshotFor(state: State, at: number, timeline: Timeline = {}): WebSnapshot {
  const logs: WebSnapshot['logs'] = {};
  for (const [name, buf] of Object.entries(state.logs)) logs[name] = logBufferLines(buf);
  return { project: state.project, order: state.order, services: state.services, logs, nextSeq: state.nextSeq, logBufferLines: state.config.logBufferLines, at, timeline };
}

export function stateFrom(snap: WebSnapshot): State {
  const base = initialState({ logBufferLines: snap.logBufferLines || DEFAULT_LOG_BUFFER_LINES });
  const logs: Record<string, LogBuffer> = {};
  for (const [name, lines] of Object.entries(snap.logs)) {
    // A buffer that holds exactly these lines; the reducer appends to it as it does on the session.
    logs[name] = { backing: lines.slice(), start: 0, end: lines.length, capacity: base.config.logBufferLines, dropped: 0 };
  }
  return { ...base, project: snap.project, order: snap.order, services: snap.services, logs, nextSeq: snap.nextSeq };
}
