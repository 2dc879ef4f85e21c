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
  if (value instanceof OverrideTag) return stripTags(value.value);
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof ResetTag)).map(stripTags);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!(v instanceof ResetTag)) out[k] = stripTags(v);
    return out;
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResetTag) && !(value instanceof OverrideTag);
}
