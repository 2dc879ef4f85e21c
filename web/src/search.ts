// PURE: the log view's search. A regular expression (case-insensitive unless it holds a capital
// letter, as less and ripgrep's smart case), matched against the line without its colour codes;
// an invalid one says why instead of matching nothing silently. Highlighting splits a line into
// plain and matching parts.

export type Search = { re: RegExp; error?: undefined } | { re?: undefined; error: string } | null;

export function compileSearch(text: string): Search {
  if (!text) return null;
  try {
    return { re: new RegExp(text, /[A-Z]/.test(text) ? 'g' : 'gi') };
  } catch (err) {
    return { error: (err as Error).message.replace(/^Invalid regular expression: /, '') };
  }
}

const SGR = /\x1b\[[0-9;:]*m/g;

/** What the page shows of a line: colour codes dropped (the page colours by level instead). */
export function plain(line: string): string {
  return line.includes('\x1b') ? line.replace(SGR, '') : line;
}

export function matches(re: RegExp, line: string): boolean {
  re.lastIndex = 0;
  return re.test(plain(line));
}

export interface Part {
  text: string;
  hit: boolean;
}

export function highlight(line: string, re: RegExp | undefined): Part[] {
  const text = plain(line);
  if (!re) return [{ text, hit: false }];
  const parts: Part[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      // An empty match (e.g. /x*/) marks nothing; step on so the loop ends.
      re.lastIndex++;
      continue;
    }
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

export type Level = 'error' | 'warn' | 'info' | 'debug' | 'system' | 'plain';

const ERROR = /\b(error|err|fatal|panic|exception|failed|crit(ical)?)\b/i;
const WARN = /\b(warn(ing)?)\b/i;
const DEBUG = /\b(debug|trace)\b/i;
const INFO = /\b(info|notice)\b/i;

/** The level a line reads as, for its colour. foxdev's own lines (stream system) stand apart. */
export function levelOf(line: string, stream: string): Level {
  if (stream === 'system') return 'system';
  const head = plain(line).slice(0, 200);
  if (ERROR.test(head)) return 'error';
  if (WARN.test(head)) return 'warn';
  if (DEBUG.test(head)) return 'debug';
  if (INFO.test(head)) return 'info';
  return 'plain';
}
