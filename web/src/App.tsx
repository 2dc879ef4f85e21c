// The page: header (project, N/M ready, connection), failures first, the service table, the log
// view. Keys: j/k or arrows select a service, Enter shows its log, a shows all logs, r restart,
// b rebuild, s reseed (confirmed), / search, t startup timeline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isProblem, selectServiceList, selectSummary } from '../../src/store/index.js';
import type { WebIntent } from '../../src/web/wire.js';
import { documentTitle } from './format.js';
import { useLiveState, useNow } from './hooks.js';
import { intentKey, sendIntent } from './intents.js';
import type { Live } from './live.js';
import { LogView } from './LogView.js';
import { Action, ServiceTable } from './ServiceTable.js';
import { Timeline } from './Timeline.js';

interface Note {
  id: number;
  text: string;
  bad: boolean;
}

export function App({ live }: { live: Live }) {
  const { state, connection, timeline, stats } = useLiveState(live);
  const [pane, setPane] = useState<'logs' | 'timeline'>('logs');
  const now = useNow(1000, live.clockSkew());
  const [selected, setSelected] = useState<string | null>(null);
  const [scope, setScope] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<Note[]>([]);
  const search = useRef<HTMLInputElement>(null);
  const noteId = useRef(0);

  useEffect(() => {
    document.title = documentTitle(state);
  }, [state]);

  const note = (text: string, bad: boolean) => {
    const id = ++noteId.current;
    setNotes((n) => [...n.slice(-4), { id, text, bad }]);
    setTimeout(() => setNotes((n) => n.filter((x) => x.id !== id)), bad ? 10_000 : 4000);
  };

  const onIntent = useCallback((intent: WebIntent, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    const key = intentKey(intent);
    setPending((p) => new Set(p).add(key));
    sendIntent(intent)
      .then(() => note(`${key.replace(':', ' ')}: done`, false))
      .catch((err: Error) => note(`${key.replace(':', ' ')}: ${err.message}`, true))
      .finally(() =>
        setPending((p) => {
          const next = new Set(p);
          next.delete(key);
          return next;
        }),
      );
  }, []);

  const services = state ? selectServiceList(state) : [];
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
      const i = services.findIndex((s) => s.name === selected);
      const pick = (j: number) => services.length && setSelected(services[Math.max(0, Math.min(services.length - 1, j))].name);
      const svc = selected ?? undefined;
      if (e.key === 'j' || e.key === 'ArrowDown') pick(i + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') pick(i < 0 ? 0 : i - 1);
      else if (e.key === 'Enter' && svc) setScope(svc);
      else if (e.key === 'a') setScope(null);
      else if (e.key === 'r' && svc) onIntent({ kind: 'restart', service: svc });
      else if (e.key === 'b' && svc) onIntent({ kind: 'rebuild', service: svc });
      else if (e.key === 's' && svc) onIntent({ kind: 'reseed', services: [svc] }, `Reseed ${svc}? Its data is reset and seeded again.`);
      else if (e.key === '/') (setPane('logs'), search.current?.focus());
      else if (e.key === 't') setPane((p) => (p === 'logs' ? 'timeline' : 'logs'));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [services, selected, onIntent]);

  if (!state) return <main className="loading">{connection === 'lost' ? 'the session is gone' : 'connecting to the session…'}</main>;
  const summary = selectSummary(state);
  const failed = services.filter(isProblem);
  const seedable = services.filter((s) => s.hasSeed).map((s) => s.name);
  return (
    <main>
      <header>
        <h1>
          foxdev <span className="project">{state.project?.name}</span>
        </h1>
        <span className={summary.ok === summary.total && summary.total > 0 ? 'tone-good' : 'tone-busy'} data-testid="summary">
          {summary.ok}/{summary.total} ready
        </span>
        {summary.bad ? <span className="tone-bad"> · {summary.bad} failing</span> : null}
        <span className={`conn conn-${connection}`} data-testid="connection">
          {connection === 'live' ? 'live' : connection === 'lost' ? 'session gone' : 'reconnecting…'}
        </span>
        <span className="spacer" />
        <Action intent={{ kind: 'restart' }} label="restart all" busy="restarting all…" pending={pending} onIntent={onIntent} />
        {seedable.length ? <Action intent={{ kind: 'reseed' }} label="reseed all" busy="reseeding…" pending={pending} onIntent={onIntent} confirm={`Reseed ${seedable.join(', ')}? Their data is reset and seeded again.`} /> : null}
        <Action intent={{ kind: 'stop' }} label="stop session" busy="stopping…" pending={pending} onIntent={onIntent} confirm="Stop every service and end the session (as Ctrl-C in its terminal)?" />
      </header>
      {failed.length ? (
        <div className="failed" role="alert" data-testid="failed">
          {failed.map((s) => (
            <div key={s.name}>
              <b>{s.name}</b> {s.phase}
              {s.exitCode !== undefined ? ` (${s.exitCode})` : ''}
              {s.reason ? `: ${s.reason}` : ''}{' '}
              <button type="button" onClick={() => setScope(s.name)}>
                log
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <ServiceTable
        services={services}
        now={now}
        selected={selected}
        pending={pending}
        stats={stats}
        onSelect={(n) => {
          setSelected(n);
          setScope(n);
        }}
        onIntent={onIntent}
      />
      <nav className="tabs">
        <button type="button" aria-pressed={pane === 'logs'} onClick={() => setPane('logs')} data-testid="tab-logs">
          logs
        </button>
        <button type="button" aria-pressed={pane === 'timeline'} onClick={() => setPane('timeline')} data-testid="tab-timeline">
          startup timeline
        </button>
      </nav>
      {pane === 'timeline' ? <Timeline services={services} timeline={timeline} /> : null}
      <div className="pane" hidden={pane !== 'logs'}>
        <LogView ref={search} state={state} scope={scope} onScope={(s) => (setScope(s), setPane('logs'))} />
      </div>
      <div className="notes" aria-live="polite">
        {notes.map((n) => (
          <div key={n.id} className={n.bad ? 'note bad' : 'note'}>
            {n.text}
          </div>
        ))}
      </div>
    </main>
  );
}
