// A list of fixed-height rows of which only the visible window is in the DOM (virtual.ts does the
// arithmetic). Following: while the view sits at the bottom, new rows keep it there; scrolling up
// pauses, scrolling back to the bottom (or the Follow button) resumes.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { atBottom, bottomScrollTop, virtualWindow } from './virtual.js';

export interface VirtualListProps {
  count: number;
  /** Changes when rows were added in place (same count is not enough when lines are dropped). */
  version: number;
  rowHeight: number;
  follow: boolean;
  onFollowChange(follow: boolean): void;
  row(index: number): ReactNode;
}

export function VirtualList({ count, version, rowHeight, follow, onFollowChange, row }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !follow) return;
    const target = bottomScrollTop(count, rowHeight, el.clientHeight);
    if (Math.abs(el.scrollTop - target) > 1) {
      programmatic.current = true;
      el.scrollTop = target;
    }
    setScrollTop(el.scrollTop);
  }, [count, version, follow, rowHeight, height]);

  const onScroll = () => {
    const el = ref.current!;
    setScrollTop(el.scrollTop);
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const bottom = atBottom(el.scrollTop, count, rowHeight, el.clientHeight);
    if (bottom !== follow) onFollowChange(bottom);
  };

  const win = virtualWindow(count, rowHeight, scrollTop, height);
  const rows: ReactNode[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(row(i));
  return (
    <div className="vlist" ref={ref} onScroll={onScroll} data-testid="log-scroll">
      <div style={{ height: win.total, position: 'relative' }}>
        <div style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${win.offset}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
