// Screen rows for one log line, memoised per line object. A frame only formats and wraps the
// lines it shows, and a line already shown at this width is not wrapped again: in follow mode
// under a flood a frame wraps just the lines that arrived since the last one.

import { colors, formatPrefix, plainText, prefixWidth, sanitizeLine, wrapRows, type LineFormat } from '../logfmt/index.js';
import type { LogLine } from '../store/index.js';

export interface RowFormat extends LineFormat {
  /** Columns of the log pane. */
  columns: number;
  /** false: one row per line, cut at the edge (Ink truncates). */
  wrap: boolean;
}

interface Cached {
  key: string;
  rows: string[];
}

const rowCache = new WeakMap<LogLine, Cached>();
const plainCache = new WeakMap<LogLine, string>();

function keyOf(f: RowFormat): string {
  return `${f.columns}:${f.width}:${f.color ? 1 : 0}:${f.timestamps ? 1 : 0}:${f.wrap ? 1 : 0}`;
}

export function rowsFor(line: LogLine, f: RowFormat): string[] {
  const key = keyOf(f);
  const hit = rowCache.get(line);
  if (hit && hit.key === key) return hit.rows;
  const prefix = formatPrefix(line.service, line.at, f);
  const text = sanitizeLine(line.line);
  // foxdev's own notes are dimmed, as in formatLogLine.
  const body = line.stream === 'system' && f.color ? colors.dim(text) : text;
  const rows = f.wrap ? wrapRows(prefix, body, prefixWidth(f), f.columns) : [prefix + body];
  rowCache.set(line, { key, rows });
  return rows;
}

/** The line's visible text (no escapes, no control bytes), what filters match against. */
export function plainOf(line: LogLine): string {
  let p = plainCache.get(line);
  if (p === undefined) {
    p = plainText(sanitizeLine(line.line));
    plainCache.set(line, p);
  }
  return p;
}
