// `foxdev config`'s YAML text: the bytes `YAML.stringify(canonical, CANONICAL_YAML)` gives, written
// directly for the plain data toCanonical() makes. Why hand-written: the library builds a node per
// value and restringifies every nested block, 4–5 s of a 10,000-service project's 8 s (issue 15);
// this writes each line once. It covers only what it can prove identical — block maps and lists,
// `{}`/`[]`, null, booleans, safe integers, one-line strings of printable characters — and hands
// anything else (a multi-line string, a quote, a float, a marker object) to the library for the
// whole document, so the output never depends on which path ran. Whether a string needs quotes
// is asked of the library's own YAML 1.1 tags, the test its plainString() makes.
// test/config/canonical-yaml.test.ts compares the two on generated data.
import { Document, stringify } from 'yaml';

/** The options `foxdev config` has always printed with. */
export const CANONICAL_YAML = { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' } as const;

class Unsure extends Error {}

/** What a plain scalar's text is matched against; the schema holds resolved tag objects. */
interface TagTest {
  default?: unknown;
  tag: string;
  test?: RegExp;
}

let nonStringTags: TagTest[] | undefined;

/** Would this plain text read back as something other than a string (`no`, `80:80`, `1e3`)? */
function readsAsOther(text: string): boolean {
  if (!nonStringTags) {
    const { tags, compat } = new Document(null, { version: '1.1' }).schema;
    nonStringTags = ([...tags, ...(compat ?? [])] as TagTest[]).filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str');
  }
  return nonStringTags.some((t) => t.test?.test(text) === true);
}

// Printable characters that JSON.stringify leaves alone and the library never escapes or forces
// into double quotes (no controls, C1, quotes, backslash, line/paragraph separators, BOM, surrogates).
const SIMPLE = /^[\x20-\x21\x23-\x26\x28-\x5b\x5d-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\uffff]*$/;
// The library's plainString() test for text that cannot be plain (one-line case).
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/;
const plainCache = new Map<string, string>();

function scalarText(s: string): string {
  const known = plainCache.get(s);
  if (known !== undefined) return known;
  // `<<` is YAML 1.1's merge key, which the library writes its own way, as key or value.
  if (!SIMPLE.test(s) || DOCUMENT_MARKER.test(s) || s.length > 1000 || s === '<<') throw new Unsure();
  const text = NOT_PLAIN.test(s) || readsAsOther(s) ? `"${s}"` : s;
  // Values repeat (images, conditions, durations); names do not, so the cache stays bounded.
  if (plainCache.size < 50_000) plainCache.set(s, text);
  return text;
}

function leaf(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return scalarText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw new Unsure();
    return String(v);
  }
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (typeof v === 'object' && isPlain(v)) return Object.values(v).some((x) => x !== undefined) ? undefined : '{}';
  throw new Unsure();
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Lines of a non-empty map at `indent`; `first` replaces the first line's indent (a list's "- "). */
function map(o: Record<string, unknown>, indent: string, first: string, out: string[]): void {
  let lead = first;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (v === undefined) continue;
    const k = scalarText(key);
    const l = leaf(v);
    if (l !== undefined) out.push(`${lead}${k}: ${l}\n`);
    else {
      out.push(`${lead}${k}:\n`);
      block(v, `${indent}  `, `${indent}  `, out);
    }
    lead = indent;
  }
}

function seq(a: unknown[], indent: string, first: string, out: string[]): void {
  let lead = first;
  for (const v of a) {
    if (v === undefined) throw new Unsure();
    const l = leaf(v);
    if (l !== undefined) out.push(`${lead}- ${l}\n`);
    else block(v, `${indent}  `, `${lead}- `, out);
    lead = indent;
  }
}

function block(v: unknown, indent: string, first: string, out: string[]): void {
  if (Array.isArray(v)) seq(v, indent, first, out);
  else map(v as Record<string, unknown>, indent, first, out);
}

/** `YAML.stringify(value, CANONICAL_YAML)`, byte for byte. */
export function canonicalYaml(value: Record<string, unknown>): string {
  try {
    const top = leaf(value);
    if (top !== undefined) return `${top}\n`;
    const out: string[] = [];
    map(value, '', '', out);
    return out.join('');
  } catch (err) {
    if (!(err instanceof Unsure)) throw err;
    return stringify(value, CANONICAL_YAML);
  }
}
