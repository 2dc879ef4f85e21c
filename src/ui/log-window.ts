// Which rows the log pane shows. It works backwards from the bottom line (the newest, or the
// anchor when scrolled back) and stops once the pane is full, so the cost of a frame depends on
// the pane's height, never on how much history is buffered.

import { logsBackward, logsForward, type LogLine, type State } from '../store/index.js';
import { plainOf, rowsFor, type RowFormat } from './log-rows.js';

export interface WindowQuery {
  /** Services to show; undefined for all. */
  services?: readonly string[];
  match?: (plain: string) => boolean;
  /** Bottom line's seq when scrolled back; null follows the newest. */
  anchorSeq: number | null;
  height: number;
  format: RowFormat;
}

export interface LogWindow {
  /** Top to bottom, at most `height`. */
  rows: string[];
  topSeq?: number;
  bottomSeq?: number;
}

function matching(lines: Iterable<LogLine>, match: WindowQuery['match']): Iterable<LogLine> {
  if (!match) return lines;
  return (function* () {
    for (const l of lines) if (match(plainOf(l))) yield l;
  })();
}

export function computeLogWindow(state: State, q: WindowQuery): LogWindow {
  const before = q.anchorSeq === null ? Number.POSITIVE_INFINITY : q.anchorSeq + 1;
  const chunks: string[][] = [];
  let count = 0;
  let topSeq: number | undefined;
  let bottomSeq: number | undefined;
  if (q.height > 0) {
    for (const line of matching(logsBackward(state, { services: q.services }, before), q.match)) {
      const rows = rowsFor(line, q.format);
      bottomSeq ??= line.seq;
      topSeq = line.seq;
      const room = q.height - count;
      // The top line may be cut: show its last rows, as a terminal scrolled to here would.
      chunks.push(rows.length > room ? rows.slice(rows.length - room) : rows);
      count += Math.min(rows.length, room);
      if (count >= q.height) break;
    }
  }
  const rows: string[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) rows.push(...chunks[i]);
  return { rows, topSeq, bottomSeq };
}

/** Anchor that shows the page above `win`: the line just above its top becomes the bottom. */
export function pageUpAnchor(state: State, q: WindowQuery, win: LogWindow): number | null {
  if (win.topSeq === undefined) return q.anchorSeq;
  for (const line of matching(logsBackward(state, { services: q.services }, win.topSeq), q.match)) return line.seq;
  return q.anchorSeq; // nothing older: stay where we are
}

/** Anchor after moving a page down from `fromSeq`; null when that reaches the newest line. */
export function pageDownAnchor(state: State, q: WindowQuery, fromSeq: number): number | null {
  let count = 0;
  let last: number | null = null;
  for (const line of matching(logsForward(state, { services: q.services }, fromSeq), q.match)) {
    count += rowsFor(line, q.format).length;
    last = line.seq;
    if (count >= q.height) {
      // Past this there is nothing more to show: follow again.
      const more = matching(logsForward(state, { services: q.services }, line.seq), q.match)[Symbol.iterator]().next();
      return more.done ? null : last;
    }
  }
  return null;
}

/** Anchor that shows the oldest page; null when everything fits (follow). */
export function topAnchor(state: State, q: WindowQuery): number | null {
  return pageDownAnchor(state, q, 0);
}
