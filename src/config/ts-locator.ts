// Best-effort line:column for a key path in a foxdev.config.ts: find each key in turn after the
// previous one. A TypeScript file has no parse tree here (jiti only runs it), and a close line is
// still worth printing.
import type { Segment } from './keypath.js';
import type { Position } from './yaml-file.js';

export function tsLocator(text: string): (segments: Segment[]) => Position | undefined {
  return (segments) => {
    let from = 0;
    let found: number | undefined;
    let skip = 0;
    for (const seg of segments) {
      // In a list, item n's first key is the (n+1)th occurrence of that key after the list.
      if (typeof seg === 'number') {
        skip = seg;
        continue;
      }
      const escaped = seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`(?<![\\w$-])(['"\`]?)${escaped}\\1\\s*:`, 'g');
      re.lastIndex = from;
      let m = re.exec(text);
      for (; m && skip > 0; skip--) m = re.exec(text);
      if (!m) return undefined;
      found = m.index;
      from = m.index + m[0].length;
    }
    if (found === undefined) return undefined;
    const before = text.slice(0, found);
    const line = before.split('\n').length;
    return { line, column: found - before.lastIndexOf('\n') };
  };
}
