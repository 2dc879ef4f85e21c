// The .env / env_file format compose reads, pure: KEY=VALUE lines, `export ` prefixes, comments,
// single quotes (literal), double quotes (escapes, may span lines), and ${VAR} references
// resolved from the lookup first (the shell, for .env), then from earlier keys — compose v2's
// order. Unquoted values lose a trailing " #comment". `format: raw` files skip all of that.
import { interpolate, type Lookup } from './interpolate.js';

export interface DotenvError {
  line: number;
  message: string;
}

export function parseDotenv(text: string, lookup: Lookup = () => undefined): { values: Record<string, string>; errors: DotenvError[] } {
  const values: Record<string, string> = {};
  const errors: DotenvError[] = [];
  const scoped: Lookup = (name) => lookup(name) ?? (name in values ? values[name] : undefined);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(=|$)(.*)$/.exec(line);
    if (!m) {
      errors.push({ line: lineNo, message: `expected KEY=VALUE, got "${line}"` });
      continue;
    }
    const key = m[1];
    let raw = m[3].trimStart();
    if (m[2] === '') continue; // "KEY" alone: compose leaves it unset
    if (raw.startsWith("'")) {
      const end = raw.indexOf("'", 1);
      if (end < 0) errors.push({ line: lineNo, message: `unterminated single quote for ${key}` });
      values[key] = raw.slice(1, end < 0 ? undefined : end);
    } else if (raw.startsWith('"')) {
      // Double-quoted values may continue over several lines.
      let body = raw.slice(1);
      while (!/(^|[^\\])"/.test(body) && i + 1 < lines.length) body += '\n' + lines[++i];
      const end = closingQuote(body);
      if (end < 0) errors.push({ line: lineNo, message: `unterminated double quote for ${key}` });
      const inner = body.slice(0, end < 0 ? undefined : end).replace(/\\([nrt"\\$])/g, (_, c: string) =>
        c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '$' ? '$$' : c,
      );
      values[key] = safeInterpolate(inner, scoped, lineNo, errors);
    } else {
      raw = raw.replace(/\s+#.*$/, '').trim();
      values[key] = safeInterpolate(raw, scoped, lineNo, errors);
    }
  }
  return { values, errors };
}

function closingQuote(body: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '"') return i;
  }
  return -1;
}

function safeInterpolate(text: string, lookup: Lookup, line: number, errors: DotenvError[]): string {
  try {
    return interpolate(text, lookup);
  } catch (err) {
    errors.push({ line, message: (err as Error).message });
    return text;
  }
}

/**
 * env_file `format: raw`: each KEY=VALUE line as written — the value is the text after the first
 * "=", no quotes removed, no ${VAR} resolved, no comment stripped. Blank lines and lines starting
 * with "#" are skipped.
 */
export function parseRawEnv(text: string): { values: Record<string, string>; errors: DotenvError[] } {
  const values: Record<string, string> = {};
  const errors: DotenvError[] = [];
  text.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) errors.push({ line: i + 1, message: `expected KEY=VALUE, got "${line}"` });
    else if (eq >= 0) values[key] = line.slice(eq + 1);
  });
  return { values, errors };
}
