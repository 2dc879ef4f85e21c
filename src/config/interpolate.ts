// Compose variable interpolation, pure: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
// ${VAR?error}, ${VAR:+alternative}, ${VAR+alternative}, $VAR, and $$ for a literal dollar.
// Defaults and alternatives are themselves interpolated, so ${A:-${B:-x}} nests.
// ":" forms treat an empty value like an unset one, as in POSIX sh and the compose spec.

export type Lookup = (name: string) => string | undefined;

export class InterpolationError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Called for a plain ${VAR} or $VAR that is not set (compose warns and uses ""). */
export type OnUnset = (name: string) => void;

export function interpolate(text: string, lookup: Lookup, onUnset?: OnUnset): string {
  // Most values name no variable; the loop below would copy them a character at a time.
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = matchingBrace(text, i + 1);
      if (end < 0) throw new InterpolationError(`invalid interpolation format in "${text}": missing "}"`);
      out += expandBraced(text.slice(i + 2, end), lookup, text, onUnset);
      i = end + 1;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      if (m) {
        const value = lookup(m[0]);
        if (value === undefined) onUnset?.(m[0]);
        out += value ?? '';
        i += 1 + m[0].length;
      } else {
        out += '$'; // a lone "$" (e.g. "cost: 5$") stays as written, as compose does
        i++;
      }
    }
  }
  return out;
}

/** Index of the "}" closing the "{" at `open`, counting nested ${...}. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(body: string, lookup: Lookup, whole: string, onUnset?: OnUnset): string {
  const m = NAME.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format in "${whole}": "\${${body}}"`);
  const name = m[0];
  const rest = body.slice(name.length);
  const value = lookup(name);
  if (rest === '') {
    if (value === undefined) onUnset?.(name);
    return value ?? '';
  }
  const op = /^(:?[-?+])/.exec(rest);
  if (!op) throw new InterpolationError(`invalid interpolation format in "${whole}": "\${${body}}"`);
  const arg = rest.slice(op[1].length);
  const colon = op[1].startsWith(':');
  const set = colon ? value !== undefined && value !== '' : value !== undefined;
  switch (op[1].at(-1)) {
    case '-':
      return set ? (value as string) : interpolate(arg, lookup, onUnset);
    case '+':
      return set ? interpolate(arg, lookup, onUnset) : '';
    default: {
      if (set) return value as string;
      const message = interpolate(arg, lookup);
      throw new InterpolationError(
        message ? `required variable ${name} is missing a value: ${message}` : `required variable ${name} is missing a value`,
      );
    }
  }
}
