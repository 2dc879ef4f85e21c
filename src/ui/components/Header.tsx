// Top row: project name, how many services are up or in trouble, and the web dashboard's link.

import { Box, Text } from 'ink';
import type { Summary } from '../../store/index.js';

export function Header({ project, summary, webUrl }: { project: string; summary: Summary; webUrl?: string }) {
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
        {webUrl ? <Text dimColor>   web: {webUrl}</Text> : null}
      </Text>
    </Box>
  );
}
