// One service's log or all of them, searchable (regex, matches highlighted), coloured by level,
// following the end until the reader scrolls up, downloadable as text.
import { forwardRef, useDeferredValue, useMemo, useState } from 'react';
import { selectLogSources, type LogLine, type State } from '../../src/store/index.js';
import { createLogModel } from './log-model.js';
import { compileSearch, highlight, levelOf, plain } from './search.js';
import { VirtualList } from './VirtualList.js';

export const ROW_HEIGHT = 18;

export interface LogViewProps {
  state: State;
  scope: string | null;
  onScope(scope: string | null): void;
}

function time(at: number): string {
  const d = new Date(at);
  return d.toTimeString().slice(0, 8);
}

export const LogView = forwardRef<HTMLInputElement, LogViewProps>(function LogView({ state, scope, onScope }, searchRef) {
  const [query, setQuery] = useState('');
  const [follow, setFollow] = useState(true);
  const deferred = useDeferredValue(query);
  const search = useMemo(() => compileSearch(deferred), [deferred]);
  const model = useMemo(createLogModel, []);
  const view = model(state, scope, search?.re);
  const sources = selectLogSources(state);

  const download = () => {
    const text = view.lines.map((l) => `${new Date(l.at).toISOString()} ${l.service} | ${plain(l.line)}`).join('\n') + '\n';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    a.download = `${state.project?.name ?? 'foxdev'}-${scope ?? 'all'}${search?.re ? '-filtered' : ''}.log`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const row = (i: number) => <Row key={view.lines[i].seq} line={view.lines[i]} re={search?.re} showService={scope === null} />;
  return (
    <section className="logs" aria-label="logs">
      <div className="log-bar">
        <select aria-label="log source" value={scope ?? ''} onChange={(e) => onScope(e.target.value || null)} data-testid="log-scope">
          <option value="">all services</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <input ref={searchRef} type="search" placeholder="search (regex)   /" aria-label="search logs" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="log-search" className={search?.error ? 'bad' : ''} />
        {search?.error ? <span className="search-error">{search.error}</span> : null}
        <span className="count" data-testid="log-count">
          {search?.re ? `${view.lines.length} of ${view.inScope}` : `${view.lines.length}`} lines
        </span>
        <button type="button" onClick={() => setFollow(!follow)} aria-pressed={follow} data-testid="log-follow">
          {follow ? 'following' : 'paused'}
        </button>
        <button type="button" onClick={download} data-testid="log-download">
          download
        </button>
      </div>
      <VirtualList count={view.lines.length} version={view.version} rowHeight={ROW_HEIGHT} follow={follow} onFollowChange={setFollow} row={row} />
    </section>
  );
});

function Row({ line, re, showService }: { line: LogLine; re: RegExp | undefined; showService: boolean }) {
  const parts = highlight(line.line, re);
  return (
    <div className={`row lvl-${levelOf(line.line, line.stream)}`} data-testid="log-row">
      <span className="t">{time(line.at)}</span>
      {showService ? <span className="svc">{line.service}</span> : null}
      <span className="msg">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</span>
    </div>
  );
}
