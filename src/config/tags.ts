// Values of compose's merge-control tags. `!reset` removes what earlier files (or an extended
// service) set for a key; `!override` replaces it instead of merging. They survive parsing as these
// markers and are consumed by the merge; nothing after the merge sees them.

export class ResetTag {
  readonly reset = true;
}

export class OverrideTag {
  constructor(readonly value: unknown) {}
}

/** The value as the schema and later stages see it: resets gone, overrides unwrapped. */
export function stripTags(value: unknown): unknown {
  // Most files have no tags: then the value is returned as it is, not copied (nothing mutates it).
  if (!hasTags(value)) return value;
  return copyWithoutTags(value);
}

function copyWithoutTags(value: unknown): unknown {
  if (value instanceof OverrideTag) return copyWithoutTags(value.value);
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof ResetTag)).map(copyWithoutTags);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!(v instanceof ResetTag)) out[k] = copyWithoutTags(v);
    return out;
  }
  return value;
}

/** Is there a `!reset` or `!override` marker anywhere in the value? */
export function hasTags(value: unknown): boolean {
  if (value instanceof ResetTag || value instanceof OverrideTag) return true;
  if (Array.isArray(value)) return value.some(hasTags);
  if (value !== null && typeof value === 'object') {
    for (const k in value) if (Object.hasOwn(value, k) && hasTags((value as Record<string, unknown>)[k])) return true;
  }
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResetTag) && !(value instanceof OverrideTag);
}
