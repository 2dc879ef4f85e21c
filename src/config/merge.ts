// compose's override rules for several files and for `extends`, on normalised data. Pure.
// - mappings merge key by key, recursively; scalars from the later file win;
// - command, entrypoint and healthcheck.test are replaced, not appended (they are one command);
// - ports, volumes, secrets and configs are "unique resources": a later entry with the same key
//   (volume target, secret target/source, identical port) replaces the earlier one;
// - other sequences append, dropping exact duplicates;
// - `!reset` removes the earlier value, `!override` replaces it whole.
import { OverrideTag, ResetTag, isPlainObject } from './tags.js';

type Dict = Record<string, unknown>;

const REPLACED = new Set(['command', 'entrypoint', 'test']);

const UNIQUE_BY: Record<string, (item: unknown) => string> = {
  volumes: (v) => String((v as Dict).target),
  secrets: (s) => String((s as Dict).target ?? (s as Dict).source),
  configs: (s) => String((s as Dict).target ?? (s as Dict).source),
  ports: (p) => JSON.stringify(p),
};

export function mergeFiles(base: Dict, over: Dict): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === 'services' && isPlainObject(value) && isPlainObject(base.services)) {
      const services: Dict = { ...base.services };
      for (const [name, svc] of Object.entries(value)) {
        const prev = services[name];
        services[name] = isPlainObject(prev) && isPlainObject(svc) ? mergeService(prev, svc) : unwrap(svc);
      }
      out.services = services;
    } else {
      apply(out, key, base[key], value, mergeValue);
    }
  }
  // No final stripResets(out): base is an earlier result of this function (or {}), so holds no
  // tags, and every value taken from `over` went through unwrap() or mergeService(), which strip
  // them. A second deep copy of the whole project was a tenth of a large file's load time.
  return out;
}

export function mergeService(base: Dict, over: Dict): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(over)) {
    // foxdev's own keys: a later layer replaces each key whole (a sync list is one decision).
    if (key === 'x-foxdev' && isPlainObject(value) && isPlainObject(base[key])) out[key] = { ...(base[key] as Dict), ...value };
    else apply(out, key, base[key], value, mergeValue);
  }
  return stripResets(out) as Dict;
}

function apply(out: Dict, key: string, prev: unknown, value: unknown, merge: (k: string, a: unknown, b: unknown) => unknown): void {
  if (value instanceof ResetTag) delete out[key];
  else if (value instanceof OverrideTag) out[key] = unwrap(value.value);
  else if (prev === undefined) out[key] = unwrap(value);
  else out[key] = merge(key, prev, value);
}

function mergeValue(key: string, a: unknown, b: unknown): unknown {
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Dict = { ...a };
    for (const [k, v] of Object.entries(b)) apply(out, k, a[k], v, mergeValue);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && !REPLACED.has(key)) {
    const keyOf = UNIQUE_BY[key] ?? ((x: unknown) => JSON.stringify(x));
    const byKey = new Map<string, unknown>();
    for (const item of [...a, ...b]) if (!(item instanceof ResetTag)) byKey.set(keyOf(item), unwrap(item));
    return [...byKey.values()];
  }
  return unwrap(b);
}

/** Remove merge tags from a value that had nothing to merge with. */
function unwrap(value: unknown): unknown {
  if (value instanceof OverrideTag) return unwrap(value.value);
  return stripResets(value);
}

function stripResets(value: unknown): unknown {
  if (value instanceof OverrideTag) return unwrap(value.value);
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof ResetTag)).map(stripResets);
  if (isPlainObject(value)) {
    const out: Dict = {};
    for (const [k, v] of Object.entries(value)) if (!(v instanceof ResetTag)) out[k] = stripResets(v);
    return out;
  }
  return value;
}
