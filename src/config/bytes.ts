// Byte sizes as compose and the Docker CLI read them ("64m", "1.5g", "512mb", 1000000): binary
// units, case-insensitive, an optional trailing "b". Hand-written because the npm `bytes`
// package reads "kb" as 1000 in some versions and rejects the bare-letter forms docker takes;
// ten lines that match docker's RAMInBytes are easier to trust than a mismatch.
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** The size in bytes, or undefined when `value` is not a size. */
export function parseBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)b?\s*$/i.exec(value);
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]);
}
