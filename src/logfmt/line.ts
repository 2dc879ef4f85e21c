// One log line as people read it: "api    | hello", the prefix coloured per service and padded to
// the widest service name so the text column lines up; the service's own ANSI kept.

import type { LogEntry } from '../store/index.js';
import { colors, noColors, serviceColor } from './palette.js';
import { sanitizeLine } from './sanitize.js';
import { formatClock } from './time.js';
import type { Tone } from './status.js';

export interface LineFormat {
  /** Width the service name is padded to (the widest name shown). */
  width: number;
  color: boolean;
  timestamps: boolean;
}

const SEP = ' | ';

// The coloured name part is the same for every line of a service: build it once per format.
const nameCache = new Map<string, string>();

function coloredName(service: string, width: number, color: boolean): string {
  const key = `${color ? 1 : 0}:${width}:${service}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    name = (color ? colors : noColors)[serviceColor(service)](service.padEnd(width) + SEP);
    if (nameCache.size > 1000) nameCache.clear(); // names are few; this only bounds a misuse
    nameCache.set(key, name);
  }
  return name;
}

export function formatPrefix(service: string, at: number, opts: LineFormat): string {
  const name = coloredName(service, opts.width, opts.color);
  return opts.timestamps ? (opts.color ? colors : noColors).dim(formatClock(at) + ' ') + name : name;
}

/** Visible width of formatPrefix's result, without measuring ANSI. */
export function prefixWidth(opts: Pick<LineFormat, 'width' | 'timestamps'>): number {
  return opts.width + SEP.length + (opts.timestamps ? 13 : 0);
}

/** `label`: the name shown, when it is not the service's (compose's `db-1`). */
export function formatLogLine(entry: LogEntry, opts: LineFormat, label: string = entry.service): string {
  const text = sanitizeLine(entry.line);
  // foxdev's own notes about a service are dimmed to stand apart from the service's output.
  const body = entry.stream === 'system' && opts.color ? colors.dim(text) : text;
  return formatPrefix(label, entry.at, opts) + body;
}

export function toneColor(tone: Tone, text: string, color: boolean): string {
  if (!color) return text;
  switch (tone) {
    case 'good':
      return colors.green(text);
    case 'busy':
      return colors.yellow(text);
    case 'bad':
      return colors.red(text);
    case 'idle':
      return colors.gray(text);
  }
}

/** A status line in the log stream: "api    | ◆ ready". */
export function formatStatusLine(service: string, at: number, text: string, tone: Tone, opts: LineFormat): string {
  return formatPrefix(service, at, opts) + toneColor(tone, `◆ ${text}`, opts.color);
}

export function widestName(names: Iterable<string>, min = 0): number {
  let w = min;
  for (const n of names) w = Math.max(w, n.length);
  return w;
}
