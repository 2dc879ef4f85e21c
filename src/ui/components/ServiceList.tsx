// The services in dependency order, one row each plus a line saying why when there is something
// to explain. When they do not fit, the list scrolls to keep the selected service in view.

import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ServiceState } from '../../store/index.js';
import { columnsFor, detailLine, headerCells, rowCells, type Cell } from '../service-columns.js';
import { Cells } from './Cells.js';

export interface ServiceListProps {
  services: readonly ServiceState[];
  selected: number;
  now: number;
  columns: number;
  /** Rows available, including the column header. */
  height: number;
}

interface Line {
  cells: Cell[];
  owner: number;
}

/** Rows the list wants: one per service plus one per explanation. */
export function listLineCount(services: readonly ServiceState[], now: number): number {
  return services.reduce((n, s) => n + (detailLine(s, now) ? 2 : 1), 0);
}

function buildLines(p: ServiceListProps): Line[] {
  const c = columnsFor(p.services, p.columns);
  const lines: Line[] = [];
  p.services.forEach((s, i) => {
    lines.push({ cells: rowCells(s, c, p.now, i === p.selected), owner: i });
    const d = detailLine(s, p.now);
    if (d) lines.push({ cells: [{ text: '    └ ' }, { ...d, text: d.text }], owner: i });
  });
  return lines;
}

function ServiceListView(p: ServiceListProps) {
  if (p.height <= 0) return null;
  const c = columnsFor(p.services, p.columns);
  const lines = buildLines(p);
  const room = p.height - 1;
  // Keep the selected service's rows (its row and explanation) in view, centred when the list
  // scrolls, so moving the selection does not jump the whole list each time.
  const first = Math.max(0, lines.findIndex((l) => l.owner === p.selected));
  let last = first;
  while (last + 1 < lines.length && lines[last + 1].owner === p.selected) last++;
  let start = Math.max(0, Math.min(first - Math.floor((room - 1) / 2), lines.length - room));
  if (last >= start + room) start = last - room + 1;
  const visible = lines.slice(start, start + room);
  return (
    <Box flexDirection="column" height={p.height} flexShrink={0}>
      <Text dimColor wrap="truncate-end">
        {headerCells(c)
          .map((h) => h.text)
          .join('')}
      </Text>
      {p.services.length === 0 ? <Text dimColor>  no services yet</Text> : null}
      {visible.map((l, i) => (
        <Cells key={i} cells={l.cells} />
      ))}
    </Box>
  );
}

export const ServiceList = memo(ServiceListView);
