// The startup timeline of this session's `up`: one bar per service from when it began (building
// or created) through started to ready, on one time axis; the critical path (the chain of
// dependencies that decided when the last service was ready) is marked.
import type { ServiceState } from '../../src/store/index.js';
import { criticalPath, spanStart, type Timeline as Spans } from '../../src/web/timeline.js';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function Timeline({ services, timeline }: { services: ServiceState[]; timeline: Spans }) {
  const starts = services.map((s) => spanStart(timeline[s.name] ?? {})).filter((x): x is number => x !== undefined);
  if (!starts.length) return <p className="timeline-empty">nothing has started in this session yet</p>;
  const t0 = Math.min(...starts);
  const ends = services.flatMap((s) => Object.values(timeline[s.name] ?? {}) as number[]);
  const span = Math.max(1, Math.max(...ends) - t0);
  const critical = new Set(criticalPath(timeline, services));
  const pct = (t: number) => `${(((t - t0) / span) * 100).toFixed(2)}%`;
  const width = (a: number, b: number) => `${Math.max(0.3, ((b - a) / span) * 100).toFixed(2)}%`;
  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        critical path: <b data-testid="critical-path">{[...critical].join(' → ') || '—'}</b>
        {critical.size ? ` · ready after ${secs(Math.max(...[...critical].map((n) => timeline[n]?.ready ?? t0)) - t0)}` : ''}
      </div>
      {services.map((s) => {
        const sp = timeline[s.name] ?? {};
        const from = spanStart(sp);
        return (
          <div key={s.name} className={`tl-row${critical.has(s.name) ? ' critical' : ''}`} data-service={s.name}>
            <span className="tl-name">{s.name}</span>
            <span className="tl-track">
              {from !== undefined && sp.started !== undefined ? <span className="tl-bar tl-prep" style={{ left: pct(from), width: width(from, sp.started) }} title={`began ${secs(from - t0)}`} /> : null}
              {sp.started !== undefined ? <span className="tl-bar tl-run" style={{ left: pct(sp.started), width: width(sp.started, sp.ready ?? t0 + span) }} title={`started ${secs(sp.started - t0)}`} /> : null}
              {sp.ready !== undefined ? <span className="tl-ready" style={{ left: pct(sp.ready) }} /> : null}
            </span>
            <span className="tl-time">{sp.ready !== undefined ? `ready ${secs(sp.ready - t0)}` : sp.started !== undefined ? `started ${secs(sp.started - t0)}` : s.phase}</span>
          </div>
        );
      })}
    </div>
  );
}
