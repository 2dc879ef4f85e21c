// Validate compose data against the vendored compose JSON schema and turn Ajv's errors into one
// Problem per mistake. The validator is generated ahead of time (schema/generate-validator.mjs):
// compiling the schema at start-up would cost ~270 ms of the 300 ms budget.
import type { Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath, pointerToSegments, type Segment } from './keypath.js';
import { typeName } from './type-name.js';
import { knownKeysFor } from './schema-known-keys.js';
import validate from './schema/compose-validator.generated.js';

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const validator = validate as unknown as ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** Problems with key paths (no file positions; the caller adds those). */
export function validateCompose(data: unknown, prefix: Segment[] = []): Array<Problem & { segments: Segment[] }> {
  const checked = allowFoxdevConditions(data);
  if (validator(checked)) return [];
  return explain(validator.errors ?? [], checked, prefix);
}

/** foxdev adds two depends_on conditions (see types.ts); the compose schema does not know them. */
const FOXDEV_CONDITIONS = new Set(['service_ready', 'service_seeded']);

function allowFoxdevConditions(data: unknown): unknown {
  const services = (data as { services?: unknown } | null)?.services;
  if (!services || typeof services !== 'object') return data;
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [name, svc] of Object.entries(services)) {
    const deps = (svc as { depends_on?: unknown } | null)?.depends_on;
    if (!deps || typeof deps !== 'object' || Array.isArray(deps)) {
      copy[name] = svc;
      continue;
    }
    const fixed: Record<string, unknown> = {};
    for (const [dep, entry] of Object.entries(deps)) {
      const condition = (entry as { condition?: unknown } | null)?.condition;
      if (typeof condition === 'string' && FOXDEV_CONDITIONS.has(condition)) {
        fixed[dep] = { ...(entry as object), condition: 'service_started' };
        changed = true;
      } else fixed[dep] = entry;
    }
    copy[name] = { ...(svc as object), depends_on: fixed };
  }
  return changed ? { ...(data as object), services: copy } : data;
}

const NAMED_SECTIONS = new Set(['services', 'networks', 'volumes', 'secrets', 'configs']);

function explain(errors: AjvError[], data: unknown, prefix: Segment[]): Array<Problem & { segments: Segment[] }> {
  const out: Array<Problem & { segments: Segment[] }> = [];
  const unknownAt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String(e.params.additionalProperty);
    const segments = [...prefix, ...pointerToSegments(e.instancePath), key];
    const candidates = knownKeysFor(e.instancePath, e.schemaPath);
    unknownAt.add(e.instancePath);
    // Names under services/networks/volumes/secrets/configs are the user's own: the schema only
    // allows them by pattern, so a refused one is a bad name, not an unknown key.
    const section = e.instancePath.split('/').filter(Boolean);
    if (section.length === 1 && NAMED_SECTIONS.has(section[0]) && prefix.length === 0) {
      out.push({ segments, path: formatPath(segments), message: `"${key}" is not a valid ${section[0].replace(/s$/, '')} name: use letters, digits, ".", "_" and "-", starting with a letter or digit` });
      continue;
    }
    out.push({ segments, path: formatPath(segments), message: `unknown key "${key}"${didYouMean(key, candidates)}` });
  }
  // Group the rest by location; oneOf branches give one error each, so their expected types join.
  const groups = new Map<string, AjvError[]>();
  for (const e of errors) {
    if (e.keyword === 'additionalProperties' || unknownAt.has(e.instancePath)) continue;
    if (!groups.has(e.instancePath)) groups.set(e.instancePath, []);
    groups.get(e.instancePath)!.push(e);
  }
  const paths = [...groups.keys()];
  for (const [pointer, group] of groups) {
    // When something deeper explains the mistake, the alternatives rejected here (a list where a
    // mapping was written, "must match one of") are noise.
    const deeper = paths.some((p) => p !== pointer && p.startsWith(pointer + '/')) || [...unknownAt].some((p) => p.startsWith(pointer + '/'));
    // (Deeper errors mean the value's type matched a branch, so a type error here is another branch's.)
    const specific = group.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && !(deeper && e.keyword === 'type'));
    if (specific.length === 0 && deeper) continue;
    const segments = [...prefix, ...pointerToSegments(pointer)];
    // foxdev's own conditions are allowed (allowFoxdevConditions), so they belong in the list too.
    const extra = /^\/services\/[^/]+\/depends_on\/[^/]+\/condition$/.test(pointer) ? [...FOXDEV_CONDITIONS] : [];
    out.push({ segments, path: formatPath(segments), message: describe(specific.length ? specific : group, valueAt(data, pointer), extra) });
  }
  return out;
}

function describe(group: AjvError[], value: unknown, extraAllowed: string[] = []): string {
  // A `type` error's params.type is one name or a list of them (["string", "number", ...]).
  const types = group.filter((e) => e.keyword === 'type').flatMap((e) => String(e.params.type).split(','));
  if (types.length > 0 && group.every((e) => e.keyword === 'type')) return `expected ${orList(types)}, got ${typeName(value)}`;
  const first = group.find((e) => e.keyword !== 'type') ?? group[0];
  switch (first.keyword) {
    case 'required':
      return `missing required key "${String(first.params.missingProperty)}"`;
    case 'enum': {
      const allowed = [...(first.params.allowedValues as unknown[]), ...extraAllowed];
      return `expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}${typeof value === 'string' ? didYouMean(value, allowed.map(String)) : ''}`;
    }
    case 'pattern':
      return `${JSON.stringify(value)} does not match the pattern ${String(first.params.pattern)}`;
    case 'uniqueItems':
      return `has duplicate items (${Number(first.params.j) + 1} and ${Number(first.params.i) + 1})`;
    case 'minimum':
    case 'maximum':
      return `must be ${first.keyword === 'minimum' ? 'at least' : 'at most'} ${String(first.params.limit)}, got ${JSON.stringify(value)}`;
    case 'format':
      return `expected ${String(first.params.format)} format, got ${JSON.stringify(value)}`;
    case 'minItems':
    case 'minProperties':
      return `must not be empty`;
    case 'not':
    case 'oneOf':
    case 'anyOf':
      return `is not a valid value here: ${JSON.stringify(value)}`;
    default:
      return `is invalid (${first.keyword} ${JSON.stringify(first.params)})`;
  }
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', null: 'null' };

function orList(types: string[]): string {
  const words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))];
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const s of pointerToSegments(pointer)) v = (v as Record<string | number, unknown> | undefined)?.[s];
  return v;
}
