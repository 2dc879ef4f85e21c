// Interpolate every string value of parsed compose data (keys are left alone, as in compose),
// collecting one problem per failing value instead of stopping at the first. Pure.
import type { Problem } from '../errors.js';
import { InterpolationError, interpolate, type Lookup, type OnUnset } from './interpolate.js';
import { formatPath, type Segment } from './keypath.js';
import { OverrideTag, ResetTag } from './tags.js';

export function interpolateTree(
  value: unknown,
  lookup: Lookup,
  problems: Array<Problem & { segments: Segment[] }>,
  at: Segment[] = [],
  onUnset?: OnUnset,
): unknown {
  // One path array, pushed and popped on the way down and copied only for a problem: a copy per
  // value was most of the garbage of a 10,000-service file.
  return walk(value, lookup, problems, [...at], onUnset);
}

function walk(value: unknown, lookup: Lookup, problems: Array<Problem & { segments: Segment[] }>, at: Segment[], onUnset?: OnUnset): unknown {
  if (typeof value === 'string') {
    try {
      return interpolate(value, lookup, onUnset);
    } catch (err) {
      if (!(err instanceof InterpolationError)) throw err;
      problems.push({ segments: [...at], path: formatPath(at), message: err.message });
      return value;
    }
  }
  if (value instanceof ResetTag) return value;
  if (value instanceof OverrideTag) return new OverrideTag(walk(value.value, lookup, problems, at, onUnset));
  if (Array.isArray(value)) {
    return value.map((v: unknown, i) => {
      at.push(i);
      const out = walk(v, lookup, problems, at, onUnset);
      at.pop();
      return out;
    });
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      at.push(k);
      out[k] = walk(v, lookup, problems, at, onUnset);
      at.pop();
    }
    return out;
  }
  return value;
}
