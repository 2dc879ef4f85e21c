// Parse one YAML file the way compose does (anchors, `<<` merge keys, `!reset`/`!override`) and
// remember where every key sits, so a problem found much later can still name line:column.
import { type Document, LineCounter, Scalar, type ScalarTag, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';
import { OverrideTag, ResetTag } from './tags.js';
import { readPlainYaml } from './yaml-plain.js';

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  file: string;
  value: unknown;
  /** Key path (as formatPath prints it) → where its key (or list item) starts; may be worked out on first call. */
  positions: () => Map<string, Position>;
  problems: Problem[];
  /** The file holds no document at all (nothing, or only comments). */
  empty?: boolean;
}

/** The tags compose gives a meaning to (see tags.ts); YAML's own `!!str` and the like resolve by themselves. */
const KNOWN_TAGS = new Set(['!reset', '!override']);

// compose (Go's YAML library) reads 0400 as octal, as YAML 1.1 did; file modes are written so.
const LEGACY_OCTAL: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^0[0-7]+$/,
  resolve: (text) => parseInt(text, 8),
};

export function parseYamlFile(text: string, file: string): YamlFile {
  const plain = readPlainYaml(text, [LEGACY_OCTAL]);
  if (plain) return { file, value: plain.value, positions: plain.positions, problems: [] };
  return parseWithLibrary(text, file);
}

/** The whole of YAML, through the yaml library (exported for the tests that compare the two paths). */
export function parseWithLibrary(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the library compares each key with every earlier one of its map, which was
  // 1.1 s of a 10,000-service file's 10 s; duplicateKeys() finds the same ones with a Set.
  const doc = parseDocument(text, { merge: true, lineCounter, prettyErrors: true, uniqueKeys: false, customTags: (tags) => [LEGACY_OCTAL, ...tags] });
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    const text = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // The parser recurses per level; thousands of nested brackets end its stack, not a real file.
    return { file, line: pos?.line, column: pos?.col, message: `invalid YAML: ${/Maximum call stack size exceeded/.test(text) ? 'nested too deeply (thousands of levels)' : text}` };
  });
  // An unknown tag only warns in the yaml library and its value passes as if untagged; compose
  // refuses it, and so does foxdev, at the tag.
  for (const w of doc.warnings) {
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? /^Unresolved tag: (\S+)/.exec(w.message)?.[1] : undefined;
    if (tag === undefined || KNOWN_TAGS.has(tag)) continue;
    const pos = w.linePos?.[0];
    problems.push({ file, line: pos?.line, column: pos?.col, message: `unknown YAML tag ${tag} (compose files may use !reset and !override)` });
  }
  const duplicates = duplicateKeys(doc.contents).map((offset): Problem => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col, message: 'invalid YAML: Map keys must be unique' };
  });
  if (duplicates.length > 0) {
    problems.push(...duplicates);
    problems.sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0));
  }
  const map = new Map<string, Position>();
  const positions = () => map;
  if (problems.length > 0) return { file, value: undefined, positions, problems };
  if (doc.contents === null) return { file, value: {}, positions, problems, empty: true };

  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  collectPositions(doc.contents, [], map, at);

  // Replace tagged nodes by marker scalars before converting to plain data.
  visit(doc, {
    Node(_key, node) {
      if (node.tag === '!reset') return new Scalar(new ResetTag());
      if (node.tag === '!override') {
        node.tag = undefined;
        return new Scalar(new OverrideTag(node.toJS(doc)));
      }
      return undefined;
    },
  });
  const bad = badMergeKeys(doc, at);
  if (bad.length > 0) return { file, value: undefined, positions, problems: bad.map((b) => ({ file, ...b })) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10_000 }) as unknown;
  } catch (err) {
    // The yaml library throws (rather than reporting) for an alias bomb and the like.
    return { file, value: undefined, positions, problems: [{ file, message: `invalid YAML: ${(err as Error).message}` }] };
  }
  return { file, value: value ?? {}, positions, problems };
}

/**
 * `<<` must merge a mapping, an alias of one, or a list of those; the yaml library throws on
 * anything else (a scalar, a mistyped alias), so these are found first and reported with a place.
 * `__proto__` keys too.
 */
function badMergeKeys(doc: Document, at: (offset: number | undefined) => Position | undefined): Array<Omit<Problem, 'file'>> {
  const out: Array<Omit<Problem, 'file'>> = [];
  const mergeable = (n: unknown): boolean => isMap(n) || (isAlias(n) && isMap(n.resolve(doc)));
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        // Plain objects cannot hold this key: it would be dropped or change the object's prototype.
        const pos = at((pair.key as Node).range?.[0]);
        out.push({ line: pos?.line, column: pos?.column, message: 'the key "__proto__" is not allowed (choose another name)' });
        return;
      }
      if (!isScalar(pair.key) || pair.key.source !== '<<') return;
      const v = pair.value;
      if (mergeable(v) || (isSeq(v) && v.items.every(mergeable))) return;
      const pos = at(isNode(v) ? (v as Node).range?.[0] : isNode(pair.key) ? (pair.key as Node).range?.[0] : undefined);
      const what = isAlias(v) && v.resolve(doc) === undefined ? `alias *${v.source} names no anchor` : 'a merge key (<<) takes a mapping, an alias of one, or a list of aliases';
      out.push({ line: pos?.line, column: pos?.column, message: `invalid YAML: ${what}` });
    },
  });
  return out;
}

/**
 * Where a key repeats one before it in the same mapping, as the library's uniqueKeys check: scalar
 * keys by value (1 and "1" differ; every `<<` is its own merge key), others never. Walked with a
 * stack: a file nested thousands of levels deep is reported by the parser, not by a crash here.
 */
function duplicateKeys(root: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) out.push(pair.key.range?.[0] ?? 0);
          else seen.add(pair.key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a - b);
}

function collectPositions(
  node: unknown,
  path: Segment[],
  out: Map<string, Position>,
  at: (offset: number | undefined) => Position | undefined,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || key === '<<') continue;
      const child = [...path, key];
      const pos = at(isNode(pair.key) ? (pair.key as Node).range?.[0] : undefined);
      if (pos) out.set(formatPath(child), pos);
      collectPositions(pair.value, child, out, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = [...path, i];
      const pos = at(isNode(item) ? (item as Node).range?.[0] : undefined);
      if (pos) out.set(formatPath(child), pos);
      // A scalar item is also findable by its value (depends_on: [db] → services.x.depends_on.db),
      // because later stages name list entries by what they say, not by index.
      if (pos && isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
        const byValue = formatPath([...path, String(item.value)]);
        if (!out.has(byValue)) out.set(byValue, pos);
      }
      if (!isAlias(item)) collectPositions(item, child, out, at);
    });
  }
}
