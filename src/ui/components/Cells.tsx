// One screen row made of styled cells, cut at the screen edge instead of wrapping.

import { Text } from 'ink';
import type { Cell } from '../service-columns.js';
import { toneInk } from '../tone.js';

export function Cells({ cells }: { cells: readonly Cell[] }) {
  return (
    <Text wrap="truncate-end">
      {cells.map((c, i) => (
        <Text key={i} color={c.tone ? toneInk(c.tone) : undefined} bold={c.bold}>
          {c.text}
        </Text>
      ))}
    </Text>
  );
}
