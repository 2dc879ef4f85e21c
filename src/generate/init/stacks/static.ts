// Fills templates/init/static.Dockerfile.
import type { Detected } from '../types.js';

export function staticVars(d: Detected): Record<string, string | number> {
  return { ENTRY: d.entry };
}
