// Service output goes into a fixed layout, so only colour may pass through. SGR sequences
// (ESC [ … m) are kept; cursor moves, screen clears, OSC titles/links and other control bytes are
// dropped because they would move Ink's cursor or tear the frame. A carriage return means "the
// line was redrawn" (progress bars): only what was drawn last is kept. Tabs become spaces so that
// widths measured later are true.

const CONTROL = /[\x00-\x1f\x7f]/;
// CSI (incl. SGR) | OSC … BEL/ST | two-byte ESC sequences | lone C0 controls except tab.
const SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x1b|[\x00-\x08\x0a-\x1f\x7f]/g;
const SGR_RESET = '\x1b[0m';
const TAB = 8;

export function sanitizeLine(raw: string): string {
  if (!CONTROL.test(raw)) return raw; // the common case: plain text, no allocation
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const cr = line.lastIndexOf('\r');
  if (cr >= 0) line = line.slice(cr + 1);
  let hasSgr = false;
  line = line.replace(SEQUENCE, (seq) => {
    if (seq.length > 2 && seq.startsWith('\x1b[') && seq.endsWith('m')) {
      hasSgr = true;
      return seq;
    }
    return seq === '\n' ? ' ' : '';
  });
  if (line.includes('\t')) line = expandTabs(line);
  // Close any colour the service left open so it cannot bleed into the next row.
  return hasSgr && !line.endsWith(SGR_RESET) ? line + SGR_RESET : line;
}

/** Tab stops every 8 visible columns; escape sequences take no columns. */
function expandTabs(line: string): string {
  let out = '';
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\x1b') {
      const end = line.indexOf('m', i);
      out += line.slice(i, end + 1);
      i = end;
    } else if (ch === '\t') {
      const n = TAB - (col % TAB);
      out += ' '.repeat(n);
      col += n;
    } else {
      out += ch;
      col++;
    }
  }
  return out;
}
