// `__proto__` cannot be a name in foxdev's data: assigning it to a plain object changes the
// object's prototype instead of adding a key, so a service, dependency or link of that name would
// vanish without a word. YAML keys are refused while parsing (yaml-file.ts); this finds the key in
// what a foxdev.config.ts built (JSON.parse makes it an own property) and the name in lists.
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';

export const PROTO = '__proto__';

export const PROTO_MESSAGE = `the key "${PROTO}" is not allowed (choose another name)`;

/** Every own `__proto__` key in a value, with its path. */
export function protoKeys(value: unknown, at: Segment[] = [], out: Array<Problem & { segments: Segment[] }> = [], seen = new Set<object>()): Array<Problem & { segments: Segment[] }> {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => protoKeys(v, [...at, i], out, seen));
  else
    for (const key of Object.keys(value)) {
      const segments = [...at, key];
      if (key === PROTO) out.push({ segments, path: formatPath(segments), message: PROTO_MESSAGE });
      else protoKeys((value as Record<string, unknown>)[key], segments, out, seen);
    }
  return out;
}
