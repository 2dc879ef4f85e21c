// The visible log rows, already formatted and wrapped (see log-window.ts); nothing here touches
// the history. Rows are cut at the edge as a last guard against a miscounted wide character.

import { Box, Text } from 'ink';
import { memo } from 'react';

export interface LogPaneProps {
  rows: readonly string[];
  height: number;
  empty: string;
}

function LogPaneView({ rows, height, empty }: LogPaneProps) {
  if (height <= 0) return null;
  return (
    <Box flexDirection="column" height={height} flexShrink={0} justifyContent="flex-end">
      {rows.length === 0 ? <Text dimColor>{empty}</Text> : rows.map((r, i) => <Text key={i} wrap="truncate-end">{r}</Text>)}
    </Box>
  );
}

export const LogPane = memo(LogPaneView);
