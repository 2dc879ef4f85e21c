// The key list, shown in place of the logs while '?' is on.

import { Box, Text } from 'ink';

const KEYS: ReadonlyArray<[string, string]> = [
  ['↑/↓ j/k', 'select a service'],
  ['Enter l', "show the selected service's logs"],
  ['a', 'show all logs'],
  ['r', 'restart the selected service'],
  ['b', 'rebuild the selected service'],
  ['s', 'seed the selected service (asks first)'],
  ['/', 'filter logs: text or a regex; Esc clears'],
  ['PgUp PgDn', 'scroll the logs (also Ctrl-U / Ctrl-D)'],
  ['g G', 'oldest / newest line, G follows again'],
  ['w', 'wrap long lines on/off'],
  ['t', 'timestamps on/off'],
  ['?', 'close this help'],
  ['q Ctrl-C', 'quit (stops the services)'],
];

export function Help({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {KEYS.slice(0, height).map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          <Text bold>{k.padEnd(11)}</Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}
