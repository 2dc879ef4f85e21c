// Top row: project name and how many services are up or in trouble.

import { Box, Text } from 'ink';
import type { Summary } from '../../store/index.js';

export function Header({ project, summary }: { project: string; summary: Summary }) {
  return (
    <Box height={1} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          foxdev
        </Text>
        <Text> {project} </Text>
        <Text color={summary.ok === summary.total && summary.total > 0 ? 'green' : undefined}>
          {summary.ok}/{summary.total} ready
        </Text>
        {summary.bad > 0 ? <Text color="red"> · {summary.bad} failing</Text> : null}
        <Text dimColor>   ? help</Text>
      </Text>
    </Box>
  );
}
