// The dashboard: a view of the store plus the screen's own state (selection, scroll, filter).
// Keys become intents for the engine; nothing here acts on services itself.

import { Box, useInput } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import { widestName } from '../../logfmt/index.js';
import { selectLogSources, selectSeedable, selectServiceList, selectSummary, type State, type Store } from '../../store/index.js';
import { compileFilter, type LogFilter } from '../filter.js';
import { useNow } from '../hooks/use-now.js';
import { useStoreState } from '../hooks/use-store.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { OnIntent } from '../intent.js';
import { handleKey, type KeyInfo, type Scroll } from '../keys.js';
import { computeLayout } from '../layout.js';
import { splitKeys } from '../split-keys.js';
import { nextTimeChange } from '../service-columns.js';
import { computeLogWindow, pageDownAnchor, pageUpAnchor, topAnchor, type WindowQuery } from '../log-window.js';
import { activeFilter, initialViewState, type ViewState } from '../view-state.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { Help } from './Help.js';
import { LogPane } from './LogPane.js';
import { LogTitle } from './LogTitle.js';
import { listLineCount, ServiceList } from './ServiceList.js';

export interface AppProps {
  store: Store;
  onIntent: OnIntent;
  /** Epoch ms now; injectable so screen tests are deterministic. */
  clock?: () => number;
  /** Redraw as shown times change (uptimes, countdowns); off in screen tests. */
  ticks?: boolean;
  /** The web dashboard's link, shown in the header (none: the session serves no page). */
  webUrl?: string;
}

function applyScroll(state: State, q: WindowQuery, scroll: Scroll): number | null {
  switch (scroll) {
    case 'bottom':
      return null;
    case 'top':
      return topAnchor(state, q);
    case 'pageUp':
      return pageUpAnchor(state, q, computeLogWindow(state, q));
    case 'pageDown':
      return q.anchorSeq === null ? null : pageDownAnchor(state, q, q.anchorSeq);
  }
}

export function App({ store, onIntent, clock = Date.now, ticks = true, webUrl }: AppProps) {
  const state = useStoreState(store);
  const { columns, rows } = useTerminalSize();
  const services = selectServiceList(state);
  const now = useNow(clock, (t) => nextTimeChange(services, t), ticks);
  const [view, setView] = useState<ViewState>(initialViewState);

  const selected = Math.min(view.selected, Math.max(0, services.length - 1));
  const current = services[selected];
  const layout = computeLayout(rows, listLineCount(services, now));
  const filterText = activeFilter(view);
  const filter: LogFilter | null = useMemo(() => compileFilter(filterText), [filterText]);
  const nameWidth = widestName(selectLogSources(state));
  const scopeName = view.scope === 'selected' && current ? current.name : undefined;

  const query: WindowQuery = useMemo(
    () => ({
      services: scopeName === undefined ? undefined : [scopeName],
      match: filter ? filter.test : undefined,
      anchorSeq: view.anchorSeq,
      height: layout.logRows,
      format: { columns, width: nameWidth, color: true, timestamps: view.timestamps, wrap: view.wrap },
    }),
    [scopeName, filter, view.anchorSeq, layout.logRows, columns, nameWidth, view.wrap, view.timestamps],
  );
  const win = useMemo(() => computeLogWindow(state, query), [state, query]);

  // Keys read the latest render through a ref, so two quick presses never see a stale view.
  const latest = useRef({ view, services, query });
  latest.current = { view: { ...view, selected }, services, query };
  const onKey = useCallback(
    (chunk: string, chunkKey: KeyInfo) => {
      // Several keys may arrive in one read ("jj\r"); each is handled as if it came alone.
      for (const [input, key] of splitKeys(chunk, chunkKey)) {
        const cur = latest.current;
        const snapshot = store.getSnapshot();
        const res = handleKey(cur.view, input, key, { services: cur.services, seedable: selectSeedable(snapshot) });
        let next = res.view;
        if (res.scroll) next = { ...next, anchorSeq: applyScroll(snapshot, cur.query, res.scroll) };
        latest.current = { ...cur, view: next };
        if (next !== cur.view) setView(next);
        if (res.intent) onIntent(res.intent);
      }
    },
    [store, onIntent],
  );
  useInput(onKey);

  return (
    <Box flexDirection="column" width={columns} height={layout.frameRows}>
      <Header project={state.project?.name ?? '…'} summary={selectSummary(state)} webUrl={webUrl} />
      <ServiceList services={services} selected={selected} now={now} columns={columns} height={layout.listRows} />
      <LogTitle source={scopeName ?? 'all'} following={view.anchorSeq === null} filter={filterText} filterLiteral={filter?.literal ?? false} wrap={view.wrap} columns={columns} />
      {view.mode === 'help' ? (
        <Help height={layout.logRows} />
      ) : (
        <LogPane rows={win.rows} height={layout.logRows} empty={filter ? 'no lines match the filter' : 'no logs yet'} />
      )}
      <Box height={1} flexShrink={0}>
        <Footer view={view} />
      </Box>
    </Box>
  );
}
