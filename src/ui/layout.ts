// How the screen's rows are shared: header, service list, log title, log pane, footer. The frame
// is one row shorter than the terminal: a frame as tall as the terminal makes Ink clear the whole
// screen on every update (flicker, and a scrollback full of frames).

export interface Layout {
  frameRows: number;
  listRows: number;
  logRows: number;
}

const FIXED = 3; // header, log title, footer

export function computeLayout(terminalRows: number, listLines: number): Layout {
  const frameRows = Math.max(FIXED, terminalRows - 1);
  const body = frameRows - FIXED;
  // The list gets what it needs (+1 for its column header) up to ~45% of the body; logs the rest.
  const listMax = Math.max(Math.min(2, body), Math.floor(body * 0.45));
  const listRows = Math.min(listLines + 1, listMax);
  return { frameRows, listRows, logRows: Math.max(0, body - listRows) };
}
