// PURE: which rows of a fixed-row-height list are on screen. The log view shows a window of a
// list that may hold 100k lines; only the rows in (and just around) the viewport are ever in the
// DOM, so scrolling and appending cost the same at 100 lines and at 100k.

export interface VirtualWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Pixels above `start`: where the first rendered row goes. */
  offset: number;
  /** Height of the whole list in pixels (the scrollable height). */
  total: number;
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 10): VirtualWindow {
  const total = count * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total: Math.max(0, total) };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/** The scrollTop that shows the last row at the bottom (following the log). */
export function bottomScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, count * rowHeight - viewportHeight);
}

/** Whether the viewport is at the end (within one row): new lines should keep it there. */
export function atBottom(scrollTop: number, count: number, rowHeight: number, viewportHeight: number): boolean {
  return scrollTop >= bottomScrollTop(count, rowHeight, viewportHeight) - rowHeight;
}
