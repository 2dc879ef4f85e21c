// After validation, drop each value a problem was reported for, so later stages (normalising,
// resolving, cross-service checks) only see well-formed data and can keep collecting problems
// instead of tripping over a string where a list belongs.
import type { Segment } from './keypath.js';

export function prune(data: unknown, problems: Array<{ segments: Segment[] }>): void {
  for (const { segments } of problems) {
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
