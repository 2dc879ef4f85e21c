// How a wrong value is named in a message: "a list", "a mapping", 'number 3', 'string "x"'. Pure.

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
