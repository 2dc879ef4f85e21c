// After validation, drop each value a problem was reported for, so later stages (normalising,
// resolving, cross-service checks) only see well-formed data and can keep collecting problems
// instead of tripping over a string where a list belongs.
import type { Segment } from './keypath.js';

const FOXDEV_KEYS = new Set(['ready', 'sync', 'seed', 'run', 'oneshot']);

/**
 * A foxdev key (ready, sync, seed, run) is dropped whole when anything in it is wrong: half a seed
 * or probe means nothing, and resolving never has to guess. Compose values are dropped where the
 * schema pointed, because there each part stands on its own.
 */
function extent(segments: Segment[]): Segment[] {
  if (segments[0] !== 'services') return segments;
  if (segments[2] === 'x-foxdev') return segments.slice(0, 4);
  if (FOXDEV_KEYS.has(String(segments[2]))) return segments.slice(0, 3);
  return segments;
}

export function prune(data: unknown, problems: Array<{ segments: Segment[] }>): void {
  for (const problem of problems) {
    const segments = extent(problem.segments);
    if (segments.length === 0) continue;
    let parent = data as Record<string | number, unknown> | undefined;
    for (const s of segments.slice(0, -1)) parent = parent?.[s] as Record<string | number, unknown> | undefined;
    const last = segments.at(-1)!;
    if (parent && typeof parent === 'object' && last in parent) {
      if (Array.isArray(parent)) parent[last as number] = undefined;
      else delete parent[last];
    }
  }
  compactArrays(data);
}

function compactArrays(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) {
      const kept = v.filter((x) => x !== undefined);
      (value as Record<string, unknown>)[k] = kept;
      kept.forEach(compactArrays);
    } else compactArrays(v);
  }
}
