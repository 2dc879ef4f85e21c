// The bar above the log pane: whose logs, following or paused, the filter, wrapping.

import { Text } from 'ink';

export interface LogTitleProps {
  source: string;
  following: boolean;
  filter: string;
  filterLiteral: boolean;
  wrap: boolean;
  columns: number;
}

export function LogTitle(p: LogTitleProps) {
  const parts = [`logs: ${p.source}`, p.following ? 'following' : 'paused — G to follow'];
  if (p.filter) parts.push(`filter: ${p.filter}${p.filterLiteral ? ' (text)' : ''}`);
  if (!p.wrap) parts.push('no wrap');
  const title = `── ${parts.join(' · ')} `;
  const rest = Math.max(0, p.columns - title.length);
  return (
    <Text wrap="truncate-end" color={p.following ? 'gray' : 'yellow'}>
      {title + '─'.repeat(rest)}
    </Text>
  );
}
