// Bottom row: the keys, or the filter being typed, or the seed question, or a short notice.

import { Text } from 'ink';
import type { ViewState } from '../view-state.js';

export function Footer({ view }: { view: ViewState }) {
  if (view.mode === 'filter') {
    return (
      <Text wrap="truncate-end">
        <Text color="cyan">/</Text>
        {view.draft}
        <Text inverse> </Text>
        <Text dimColor>  Enter apply · Esc cancel</Text>
      </Text>
    );
  }
  if (view.mode === 'confirm-seed') {
    return (
      <Text wrap="truncate-end" color="yellow">
        Seed {view.seedTarget ?? 'every seedable service'}? Its data will be reset. (y/n)
      </Text>
    );
  }
  if (view.notice) {
    return (
      <Text wrap="truncate-end" color="cyan">
        {view.notice}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end" dimColor>
      ↑↓ select  ⏎ logs  a all  r restart  b rebuild  s seed  / filter  ? help  q quit
    </Text>
  );
}
