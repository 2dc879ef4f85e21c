// Fills templates/init/go.Dockerfile.
import type { Detected } from '../types.js';

export function goVars(d: Detected): Record<string, string | number> {
  return { MANIFESTS: d.manifests.join(' '), ENTRY: d.entry };
}
