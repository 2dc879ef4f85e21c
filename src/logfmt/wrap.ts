// Cutting a formatted line into screen rows. Continuation rows are indented to the text column
// so a wrapped line still reads as one entry under its prefix. ANSI styles are closed at each
// row's end and reopened on the next (wrap-ansi does this), so a row can be drawn on its own.

import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

/** The line's text without escape sequences, for filters and width maths. */
export function plainText(line: string): string {
  return line.includes('\x1b') ? stripAnsi(line) : line;
}

/**
 * Rows of at most `width` columns: `prefix` + body, continuation rows indented by `indent` plus
 * the body's own leading indentation (so a wrapped stack-trace line stays under its frame). The
 * spaces where a line breaks are dropped, as a terminal reader expects. When the text column would
 * be too narrow to read, rows start at column 0 instead.
 */
export function wrapRows(prefix: string, body: string, indent: number, width: number): string[] {
  const w = Math.max(1, width);
  let lead = /^ */.exec(body)![0];
  if (w - indent - lead.length < 12) lead = '';
  const textWidth = w - indent - lead.length;
  if (textWidth < 12) return wrapAnsi(prefix + body, w, { hard: true }).split('\n');
  const rows = wrapAnsi(body.slice(lead.length), textWidth, { hard: true }).split('\n');
  const pad = ' '.repeat(indent);
  return rows.map((r, i) => (i === 0 ? prefix : pad) + lead + r);
}
