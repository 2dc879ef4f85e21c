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
  const text = body.slice(lead.length);
  const rows = PLAIN_ASCII.test(text) ? wrapPlain(text, textWidth) : wrapAnsi(text, textWidth, { hard: true }).split('\n');
  const pad = ' '.repeat(indent);
  return rows.map((r, i) => (i === 0 ? prefix : pad) + lead + r);
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * wrap-ansi measures every word with string-width (graphemes, escapes, East Asian widths). For
 * printable ASCII, one column per character, the same algorithm on plain lengths gives the same
 * rows (tests compare the two) for a fraction of the cost. Most log lines are plain ASCII, and
 * under a flood this runs for every line that reaches the screen.
 */
export function wrapPlain(text: string, columns: number): string[] {
  if (text.trim() === '') return [''];
  const rows = [''];
  const words = text.split(' ');
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    let last = rows.length - 1;
    rows[last] = rows[last].trimStart();
    let rowLength = rows[last].length;
    if (index !== 0 && rowLength > 0) {
      rows[last] += ' ';
      rowLength++;
    }
    if (word.length > columns) {
      // A word longer than a row starts on this row when that does not cost an extra break.
      const remaining = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((word.length - remaining - 1) / columns);
      const breaksStartingNextLine = Math.floor((word.length - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      last = rows.length - 1;
      let visible = rows[last].length;
      for (let pos = 0; pos < word.length; ) {
        const take = Math.min(columns - visible, word.length - pos);
        rows[rows.length - 1] += word.slice(pos, pos + take);
        pos += take;
        visible += take;
        if (visible === columns && pos < word.length) {
          rows.push('');
          visible = 0;
        }
      }
      continue;
    }
    if (rowLength + word.length > columns && rowLength > 0 && word.length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows.map((r) => r.trimEnd());
}
