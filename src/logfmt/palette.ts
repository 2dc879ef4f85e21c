// A service keeps its colour everywhere (dashboard, --no-tui, `foxdev logs api`) and across runs,
// so the colour comes from a hash of its name rather than its position in the list. Red is left
// out: it means trouble in status lines.

import { Chalk, type ChalkInstance } from 'chalk';

export type ServiceColor = 'cyan' | 'magenta' | 'yellow' | 'blue' | 'green' | 'cyanBright' | 'magentaBright' | 'yellowBright' | 'blueBright' | 'greenBright';

const PALETTE: readonly ServiceColor[] = ['cyan', 'magenta', 'yellow', 'blue', 'green', 'cyanBright', 'magentaBright', 'yellowBright', 'blueBright', 'greenBright'];

/** FNV-1a: tiny, stable across platforms and Node versions. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function serviceColor(service: string): ServiceColor {
  return PALETTE[hash(service) % PALETTE.length];
}

// 16 basic colours: every terminal has them, and the output does not depend on where it runs.
export const colors: ChalkInstance = new Chalk({ level: 1 });
export const noColors: ChalkInstance = new Chalk({ level: 0 });
