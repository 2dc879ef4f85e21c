// Appends log lines: each gets the next global seq, then lands in its service's bounded buffer.

import type { LogEntry, LogLine } from './types.js';
import { appendLogLines, emptyLogBuffer, type LogBuffer } from './log-buffer.js';
import type { State } from './state.js';

export function reduceLogs(state: State, entries: readonly LogEntry[]): State {
  if (entries.length === 0) return state;
  let seq = state.nextSeq;
  // Group first so each touched buffer is appended to once per batch.
  const byService = new Map<string, LogLine[]>();
  for (const e of entries) {
    let group = byService.get(e.service);
    if (!group) byService.set(e.service, (group = []));
    group.push({ seq: seq++, service: e.service, stream: e.stream, line: e.line, at: e.at });
  }
  const logs: Record<string, LogBuffer> = { ...state.logs };
  for (const [service, lines] of byService) {
    const buf = logs[service] ?? emptyLogBuffer(state.config.logBufferLines);
    logs[service] = appendLogLines(buf, lines);
  }
  return { ...state, logs, nextSeq: seq };
}
