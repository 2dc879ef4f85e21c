import { describe, expect, it } from 'vitest';
import { atBottom, bottomScrollTop, virtualWindow } from '../../web/src/virtual.js';

describe('the log view’s virtual window', () => {
  it('renders only the rows around the viewport of a 100k-line list', () => {
    const w = virtualWindow(100_000, 18, 18 * 50_000, 720, 10);
    expect(w).toEqual({ start: 49_990, end: 50_051, offset: 49_990 * 18, total: 1_800_000 });
    expect(w.end - w.start).toBeLessThan(100);
  });

  it('starts at the top and clamps a scroll past either end', () => {
    expect(virtualWindow(100, 20, 0, 200, 5)).toEqual({ start: 0, end: 16, offset: 0, total: 2000 });
    expect(virtualWindow(100, 20, -50, 200, 5).start).toBe(0);
    const end = virtualWindow(100, 20, 1e9, 200, 5);
    expect(end.end).toBe(100);
    expect(end.start).toBe(85);
  });

  it('handles an empty list and a list shorter than the viewport', () => {
    expect(virtualWindow(0, 18, 0, 500)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
    expect(virtualWindow(3, 18, 100, 500)).toEqual({ start: 0, end: 3, offset: 0, total: 54 });
  });

  it('every row of the list is rendered by some scroll position, none twice at one', () => {
    const seen = new Set<number>();
    for (let top = 0; top <= 1000 * 18; top += 300) {
      const w = virtualWindow(1000, 18, top, 300, 0);
      for (let i = w.start; i < w.end; i++) seen.add(i);
      expect(w.offset).toBe(w.start * 18);
    }
    expect(seen.size).toBe(1000);
  });

  it('knows the bottom: following keeps the last row in view', () => {
    expect(bottomScrollTop(100, 18, 360)).toBe(1440);
    expect(bottomScrollTop(5, 18, 360)).toBe(0);
    expect(atBottom(1440, 100, 18, 360)).toBe(true);
    expect(atBottom(1430, 100, 18, 360)).toBe(true);
    expect(atBottom(1000, 100, 18, 360)).toBe(false);
  });
});
