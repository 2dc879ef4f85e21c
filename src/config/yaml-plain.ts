// A fast reader for the plain block YAML that most compose files are: block maps and lists,
// plain and simply quoted scalars, one-line flow lists, `{}`, comments. Why hand-written: the
// yaml library builds a CST and then a node tree with ranges for every value, 2–3 s of a
// 10,000-service file (issue 15); this reads each line once. It answers only when it is sure to
// give what yaml-file.ts's library path gives (the same value, the same key positions, no
// problems), and returns undefined for anything else: anchors, aliases, tags, merge keys, block
// scalars, multi-line values, escapes, tabs, duplicate keys, keys that are not strings, a line it
// does not expect. The library then reads the file and reports any problem with its own words.
// Plain scalars resolve through the library's own schema tags (the same list parseDocument
// uses), so `no`, `0755`, `1e3` and `~` mean what they always meant.
// test/config/yaml-plain.test.ts compares both paths on the fixtures, the corpus and generated files.
import { Document, type ScalarTag } from 'yaml';

/** Where a key or list item starts (yaml-file.ts's Position; declared here so neither file imports the other). */
interface Position {
  line: number;
  column: number;
}

export interface PlainYaml {
  value: Record<string, unknown>;
  /** Key path → position, worked out on first call: only a file with a problem needs them. */
  positions: () => Map<string, Position>;
}

class NotPlain extends Error {}
const no = (): never => {
  throw new NotPlain();
};

interface Line {
  /** 1-based line number. */
  n: number;
  indent: number;
  /** The line's text after its indentation (comments included). */
  text: string;
}

interface ResolveTag {
  default?: unknown;
  test?: RegExp;
  resolve: (value: string, onError: (msg: string) => void, options: object) => unknown;
}

let plainTags: ResolveTag[] | undefined;

/** The tags parseDocument() tries on a plain scalar, in its order (see compose-scalar.js). */
function tagsFor(customTags: ScalarTag[]): ResolveTag[] {
  plainTags ??= (new Document(null, { merge: true, customTags: (tags) => [...customTags, ...tags] }).schema.tags as ResolveTag[]).filter(
    (t) => t.default === true && t.test,
  );
  return plainTags;
}

// Anything outside printable text without tabs, CRs, BOMs, line separators or astral characters.
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
// Characters that start something other than a plain scalar (or a structure handled apart).
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

export function readPlainYaml(text: string, customTags: ScalarTag[]): PlainYaml | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const tags = tagsFor(customTags);
  let value: Record<string, unknown>;
  try {
    value = new Reader(text, tags, false).read();
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
  let positions: Map<string, Position> | undefined;
  // The second reading takes the same path through the same text, so it cannot fail now.
  return { value, positions: () => (positions ??= new Reader(text, tags, true).recorded()) };
}

class Reader {
  private lines: Line[] = [];
  private i = 0;
  readonly positions = new Map<string, Position>();

  constructor(
    text: string,
    private readonly tags: ResolveTag[],
    /** Keep positions (a second pass, for a file with problems); the first pass only reads values. */
    private readonly record: boolean,
  ) {
    const raw = text.split('\n');
    for (let n = 0; n < raw.length; n++) {
      const line = raw[n];
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      const rest = line.slice(indent);
      if (rest === '' || rest[0] === '#') continue;
      // Directives and document markers: the library's business.
      if (indent === 0 && (rest[0] === '%' || rest.startsWith('---') || rest.startsWith('...'))) no();
      this.lines.push({ n: n + 1, indent, text: rest });
    }
  }

  read(): Record<string, unknown> {
    const first = this.lines[0];
    if (!first || first.indent !== 0) no();
    const value = this.map(0, '', first.indent, first.text);
    if (this.i < this.lines.length) no();
    return value;
  }

  recorded(): Map<string, Position> {
    this.read();
    return this.positions;
  }

  private mark(path: string, line: Line, column: number): void {
    if (this.record) this.positions.set(path, { line: line.n, column: column + 1 });
  }

  /** A block map whose keys sit at `indent`; `text` is its first line from the first key on. */
  private map(indent: number, path: string, column: number, text: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    let first = true;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      let body: string;
      let col: number;
      if (first) {
        body = text;
        col = column;
        first = false;
      } else {
        if (line.indent < indent) break;
        if (line.indent > indent || line.text.startsWith('- ') || line.text === '-') no();
        body = line.text;
        col = line.indent;
      }
      this.i++;
      const { key, rest } = this.key(body);
      if (seen.has(key) || key === '__proto__' || key === '<<') no();
      seen.add(key);
      const child = !this.record ? '' : path === '' ? key : `${path}.${key}`;
      this.mark(child, line, col);
      const inline = stripComment(rest);
      if (inline !== '') {
        out[key] = this.inline(inline, line, col + body.length - rest.length + leading(rest), child);
        continue;
      }
      const next = this.lines[this.i];
      if (next && next.indent > indent) out[key] = this.block(next, child);
      else if (next && next.indent === indent && (next.text.startsWith('- ') || next.text === '-')) out[key] = this.block(next, child);
      else out[key] = null;
    }
    return out;
  }

  /** The node that starts at `line` (a nested map or list). */
  private block(line: Line, path: string): unknown {
    if (line.text.startsWith('- ')) return this.seq(line.indent, path);
    if (line.text === '-') no();
    return this.map(line.indent, path, line.indent, line.text);
  }

  private seq(indent: number, path: string): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent !== indent || !line.text.startsWith('- ')) {
        if (line.indent > indent) no();
        break;
      }
      this.i++;
      let off = 2;
      while (line.text.charCodeAt(off) === 32) off++;
      const body = line.text.slice(off);
      const col = indent + off;
      const child = this.record ? `${path}[${out.length}]` : '';
      const stripped = stripComment(body);
      if (stripped === '' || body[0] === '#') no();
      if (body.startsWith('- ') || body === '-') no();
      this.mark(child, line, col);
      if (startsMapping(stripped)) {
        this.i--; // map() reads its first line itself
        out.push(this.map(col, child, col, body));
        continue;
      }
      const v = this.inline(stripped, line, col, child);
      if (typeof v === 'string' || typeof v === 'number') this.byValue(path, v, line, col);
      out.push(v);
    }
    return out;
  }

  /** A list's scalar item is also findable by its value, as yaml-file.ts records it. */
  private byValue(path: string, v: string | number, line: Line, col: number): void {
    if (!this.record) return;
    const key = path === '' ? String(v) : `${path}.${v}`;
    if (!this.positions.has(key)) this.mark(key, line, col);
  }

  /** `key: rest` → the key (plain or quoted, always a string) and what follows its colon. */
  private key(body: string): { key: string; rest: string } {
    if (body[0] === '"' || body[0] === "'") {
      const { value, end } = quoted(body, 0);
      if (body[end] !== ':' || (end + 1 < body.length && body[end + 1] !== ' ')) no();
      return { key: value, rest: body.slice(end + 1) };
    }
    if (INDICATOR.test(body)) no();
    const colon = mappingColon(body);
    if (colon < 0) no();
    const key = body.slice(0, colon).trimEnd();
    if (key === '' || key.includes(' #') || /[[\]{},]/.test(key) || key.length > 1024) no();
    // A key that resolves to a number, a boolean or null prints differently in positions and data.
    if (this.tags.some((t) => t.test!.test(key))) no();
    return { key, rest: body.slice(colon + 1) };
  }

  /** A value on the same line as its key or dash (comment already removed). */
  private inline(text: string, line: Line, col: number, path: string): unknown {
    const c = text[0];
    if (c === '"' || c === "'") {
      const { value, end } = quoted(text, 0);
      if (end !== text.length) no();
      return value;
    }
    if (c === '[') return this.flowSeq(text, line, col, path);
    if (c === '{') {
      if (text === '{}') return {};
      no();
    }
    return this.plain(text, false);
  }

  private plain(text: string, inFlow: boolean): unknown {
    if (INDICATOR.test(text) && !(text[0] === '-' && text.length > 1 && text[1] !== ' ')) no();
    if (/: |:$| #/.test(text) || (inFlow && /[[\]{},]/.test(text))) no();
    for (const t of this.tags) {
      if (!t.test!.test(text)) continue;
      let failed = false;
      const v = t.resolve(text, () => (failed = true), {});
      if (failed || !(v === null || typeof v === 'number' || typeof v === 'boolean')) no();
      return v;
    }
    return text;
  }

  /** `[a, "b", 'c']` on one line; item positions and by-value entries as for a block list. */
  private flowSeq(text: string, line: Line, col: number, path: string): unknown[] {
    if (text[text.length - 1] !== ']') no();
    const out: unknown[] = [];
    const inner = text.slice(1, -1);
    if (inner.trim() === '') {
      if (inner !== '') no();
      return out;
    }
    let p = 0;
    for (;;) {
      while (inner[p] === ' ') p++;
      const start = p;
      let v: unknown;
      if (inner[p] === '"' || inner[p] === "'") {
        const q = quoted(inner, p);
        v = q.value;
        p = q.end;
      } else {
        let e = inner.indexOf(',', p);
        if (e < 0) e = inner.length;
        const item = inner.slice(p, e).trimEnd();
        if (item === '') no();
        v = this.plain(item, true);
        p = p + item.length;
      }
      const child = this.record ? `${path}[${out.length}]` : '';
      this.mark(child, line, col + 1 + start);
      if (typeof v === 'string' || typeof v === 'number') this.byValue(path, v, line, col + 1 + start);
      out.push(v);
      while (inner[p] === ' ') p++;
      if (p === inner.length) break;
      if (inner[p] !== ',') no();
      p++;
      // A trailing comma or an empty item: the library's business.
      if (inner.slice(p).trim() === '') no();
    }
    return out;
  }
}

/** Index of the colon that makes `body` a mapping (followed by a space or the end), or -1. */
function mappingColon(body: string): number {
  for (let i = body.indexOf(':'); i >= 0; i = body.indexOf(':', i + 1)) if (i + 1 === body.length || body[i + 1] === ' ') return i;
  return -1;
}

/** Does a list item's text begin a mapping (`- key: value`)? */
function startsMapping(text: string): boolean {
  if (text[0] === '"' || text[0] === "'") {
    try {
      const { end } = quoted(text, 0);
      return text[end] === ':';
    } catch {
      return false;
    }
  }
  if (text[0] === '[' || text[0] === '{') return false;
  return mappingColon(text) >= 0;
}

/** A quoted scalar starting at `start`: no escapes, no line breaks; `end` is just past it. */
function quoted(text: string, start: number): { value: string; end: number } {
  const q = text[start];
  if (q === '"') {
    const close = text.indexOf('"', start + 1);
    if (close < 0) no();
    const value = text.slice(start + 1, close);
    if (value.includes('\\')) no();
    return { value, end: close + 1 };
  }
  let value = '';
  let p = start + 1;
  for (;;) {
    const close = text.indexOf("'", p);
    if (close < 0) no();
    value += text.slice(p, close);
    if (text[close + 1] === "'") {
      value += "'";
      p = close + 2;
    } else return { value, end: close + 1 };
  }
}

/** Text without a trailing ` # comment` and trailing spaces (a `#` inside quotes stays). */
function stripComment(text: string): string {
  const t = text.trimStart();
  if (t[0] === '#') return '';
  let inQuote: string | undefined;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inQuote) {
      if (c === inQuote) inQuote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || t[i - 1] === ' ' || t[i - 1] === '[' || t[i - 1] === ',') inQuote = c;
    } else if (c === '#' && t[i - 1] === ' ') return t.slice(0, i).trimEnd();
  }
  return t.trimEnd();
}

function leading(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}
