// Tones (from logfmt) as Ink colour names, so the list and the printer agree on what is green.

import type { Tone } from '../logfmt/index.js';

export function toneInk(tone: Tone): 'green' | 'yellow' | 'red' | 'gray' {
  switch (tone) {
    case 'good':
      return 'green';
    case 'busy':
      return 'yellow';
    case 'bad':
      return 'red';
    case 'idle':
      return 'gray';
  }
}
