// A very small structural validator for foxdev's own keys (ready, sync, seed, run, ...). It reports
// every mismatch with its key path and, for unknown keys, the nearest known one. Pure.
import type { Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath, type Segment } from './keypath.js';
import { typeName } from './type-name.js';

export type ShapeProblem = Problem & { segments: Segment[] };

export type Shape = (value: unknown, at: Segment[], out: ShapeProblem[]) => void;

const report = (out: ShapeProblem[], at: Segment[], message: string) => out.push({ segments: at, path: formatPath(at), message });

const primitive =
  (name: string, ok: (v: unknown) => boolean): Shape =>
  (v, at, out) => {
    if (!ok(v)) report(out, at, `expected ${name}, got ${typeName(v)}`);
  };

export const str = primitive('a string', (v) => typeof v === 'string');
export const bool = primitive('a boolean', (v) => typeof v === 'boolean');
export const int = primitive('an integer', (v) => Number.isInteger(v));
export const positiveInt = primitive('a whole number above 0', (v) => Number.isInteger(v) && (v as number) > 0);
export const count = primitive('a whole number (0 or more)', (v) => Number.isInteger(v) && (v as number) >= 0);
export const httpStatus = primitive('an HTTP status (100-599)', (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599);
export const httpUrl = primitive('an http:// or https:// URL', (v) => {
  if (typeof v !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
});
export const port = primitive('a port number (1-65535)', (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536);
export const duration = primitive('a duration such as "500ms", "2s" or "1m30s", or milliseconds', (v) =>
  typeof v === 'number' ? v >= 0 : typeof v === 'string' && /^(\d+(\.\d+)?(us|ms|s|m|h)?)+$/.test(v.trim()),
);
export const command = primitive('a command (string or list of strings)', (v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
export const stringList = primitive('a list of strings', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
export const scalarMap = primitive('a mapping of strings', (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => ['string', 'number', 'boolean'].includes(typeof x)),
);

export const oneOf =
  (...values: string[]): Shape =>
  (v, at, out) => {
    if (typeof v !== 'string' || !values.includes(v))
      report(out, at, `expected one of ${values.map((x) => `"${x}"`).join(', ')}, got ${typeName(v)}${typeof v === 'string' ? didYouMean(v, values) : ''}`);
  };

export const list =
  (item: Shape): Shape =>
  (v, at, out) => {
    if (!Array.isArray(v)) return report(out, at, `expected a list, got ${typeName(v)}`);
    v.forEach((x, i) => item(x, [...at, i], out));
  };

/** One of several shapes; picks the first whose `when` matches to report precise problems. */
export const either =
  (expected: string, ...options: Array<[when: (v: unknown) => boolean, shape: Shape]>): Shape =>
  (v, at, out) => {
    const option = options.find(([when]) => when(v));
    if (!option) return report(out, at, `expected ${expected}, got ${typeName(v)}`);
    option[1](v, at, out);
  };

export const obj =
  (fields: Record<string, Shape>, required: string[] = []): Shape =>
  (v, at, out) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return report(out, at, `expected a mapping, got ${typeName(v)}`);
    const record = v as Record<string, unknown>;
    for (const key of required) if (record[key] === undefined) report(out, at, `missing required key "${key}"`);
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      const field = fields[key];
      if (field) field(value, [...at, key], out);
      else report(out, [...at, key], `unknown key "${key}"${didYouMean(key, Object.keys(fields))}`);
    }
  };

export const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
