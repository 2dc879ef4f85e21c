// The log window's cost depends on the pane, not the history; its rows are exact.

import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { initialState, reducer, type LogEntry, type State } from '../../src/store/index.js';
import { computeLogWindow, pageDownAnchor, pageUpAnchor, topAnchor, type WindowQuery } from '../../src/ui/log-window.js';

function stateWith(n: number, line = (i: number) => `line ${i}`): State {
  const entries: LogEntry[] = Array.from({ length: n }, (_, i) => ({ service: i % 3 ? 'api' : 'db', stream: 'stdout', line: line(i), at: 0 }));
  return reducer(initialState({ logBufferLines: n }), { type: 'logs', entries });
}

const q = (over: Partial<WindowQuery> = {}): WindowQuery => ({
  anchorSeq: null,
  height: 10,
  format: { columns: 40, width: 3, color: false, timestamps: false, wrap: true },
  ...over,
});

describe('computeLogWindow', () => {
  it('looks only at the lines it shows, however long the history', () => {
    const s = stateWith(50_000);
    let looked = 0;
    const win = computeLogWindow(s, q({ match: () => (looked++, true) }));
    expect(win.rows).toHaveLength(10);
    expect(looked).toBe(10);
    expect(win.rows.at(-1)).toBe('api | line 49999');
    expect(win.bottomSeq).toBe(50_000);
  });

  it('cuts the top line to its last rows when it does not fit', () => {
    const s = stateWith(2, (i) => (i === 0 ? 'a'.repeat(34 * 5) : 'short'));
    const win = computeLogWindow(s, q({ height: 3 }));
    expect(win.rows).toEqual(['      ' + 'a'.repeat(34), '      ' + 'a'.repeat(34), 'api | short']);
    for (const r of win.rows) expect(stringWidth(r)).toBeLessThanOrEqual(40);
  });

  it('reads one service and before an anchor', () => {
    const s = stateWith(30);
    const win = computeLogWindow(s, q({ services: ['db'], anchorSeq: 10, height: 2 }));
    expect(win.rows).toEqual(['db  | line 6', 'db  | line 9']);
  });

  it('pages up, down, to the top, and back to follow', () => {
    const s = stateWith(35);
    const follow = q();
    const last = computeLogWindow(s, follow);
    expect(last.topSeq).toBe(26);
    const up = pageUpAnchor(s, follow, last);
    expect(up).toBe(25);
    const upWin = computeLogWindow(s, q({ anchorSeq: up }));
    expect(upWin.topSeq).toBe(16);
    expect(pageDownAnchor(s, q({ anchorSeq: up }), up!)).toBe(null); // next page reaches the newest line
    expect(pageDownAnchor(s, q({ anchorSeq: 5 }), 5)).toBe(15);
    expect(topAnchor(s, follow)).toBe(10);
    const topWin = computeLogWindow(s, q({ anchorSeq: 10 }));
    expect(topWin.rows[0]).toBe('db  | line 0');
    expect(pageUpAnchor(s, q({ anchorSeq: 10 }), topWin)).toBe(10); // nothing older: stays
  });
});
