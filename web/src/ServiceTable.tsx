// The services in dependency order: state, health, why waiting, ports as links, restarts, sync
// and seed status, uptime, and the buttons for what the session can do to each. A button shows
// the operation under way until the session says it ended.
import { isProblem, type ServiceState } from '../../src/store/index.js';
import { describePhase, healthTone, phaseLabel, phaseTone } from '../../src/logfmt/status.js';
import type { StatsSample, WebIntent } from '../../src/web/wire.js';
import { bytes, portLink, portText, uptime } from './format.js';
import { intentKey } from './intents.js';

export interface ServiceTableProps {
  services: ServiceState[];
  now: number;
  selected: string | null;
  pending: ReadonlySet<string>;
  stats: StatsSample | null;
  onSelect(name: string): void;
  onIntent(intent: WebIntent, confirm?: string): void;
}

export function ServiceTable({ services, now, selected, pending, stats, onSelect, onIntent }: ServiceTableProps) {
  // A failed service shows at the top; otherwise dependency order.
  const rows = [...services.filter(isProblem), ...services.filter((s) => !isProblem(s))];
  return (
    <div className="table-wrap">
      <table className="services" data-testid="services">
        <thead>
          <tr>
            <th>service</th>
            <th>state</th>
            <th>health</th>
            <th>ports</th>
            <th>restarts</th>
            <th>uptime</th>
            {stats ? <th>cpu</th> : null}
            {stats ? <th>memory</th> : null}
            <th>sync / seed</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.name} data-service={s.name} data-phase={s.phase} className={s.name === selected ? 'selected' : ''} onClick={() => onSelect(s.name)}>
              <td className="name">{s.name}</td>
              <td>
                <span className={`tone-${phaseTone(s.phase, s.exitCode)}`} data-testid="phase">
                  {phaseLabel(s.phase, s.exitCode)}
                </span>
                {s.reason ? <div className="reason">{describePhase({ phase: s.phase, at: s.phaseAt ?? now, reason: s.reason, exitCode: s.exitCode, nextRetryAt: s.nextRetryAt }, now)}</div> : null}
              </td>
              <td className={`tone-${healthTone(s.health)}`} title={s.lastProbe}>
                {s.health === 'none' ? '' : s.health}
              </td>
              <td>
                {s.ports.map((p, i) => {
                  const href = portLink(p);
                  return href ? (
                    <a key={i} href={href} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>
                      {portText(p)}
                    </a>
                  ) : (
                    <span key={i}>{portText(p)}</span>
                  );
                })}
              </td>
              <td data-testid="restarts">{s.restarts}</td>
              <td>{uptime(s, now)}</td>
              {stats ? <td data-testid="cpu">{stats.units[s.name] ? `${stats.units[s.name].cpuPercent.toFixed(1)} %` : ''}</td> : null}
              {stats ? (
                <td data-testid="memory" title={stats.units[s.name]?.memoryLimit ? `limit ${bytes(stats.units[s.name].memoryLimit)}` : undefined}>
                  {stats.units[s.name] ? bytes(stats.units[s.name].memory) : ''}
                </td>
              ) : null}
              <td>
                {s.sync ? <span className={s.sync.error ? 'tone-bad' : ''}>{s.sync.error ? 'sync error' : `${s.sync.files} synced${s.sync.pending ? `, ${s.sync.pending} pending` : ''}`}</span> : null}
                {s.seed ? <span className={`seed-${s.seed.state}`}> {s.seed.state}</span> : null}
              </td>
              <td className="actions">
                <Action intent={{ kind: 'restart', service: s.name }} label="restart" busy="restarting…" pending={pending} onIntent={onIntent} />
                {s.kind === 'container' ? <Action intent={{ kind: 'rebuild', service: s.name }} label="rebuild" busy="rebuilding…" pending={pending} onIntent={onIntent} /> : null}
                {s.hasSeed ? <Action intent={{ kind: 'reseed', services: [s.name] }} label="reseed" busy="reseeding…" pending={pending} onIntent={onIntent} confirm={`Reseed ${s.name}? Its data is reset and seeded again.`} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Action({ intent, label, busy, pending, onIntent, confirm }: { intent: WebIntent; label: string; busy: string; pending: ReadonlySet<string>; onIntent(i: WebIntent, confirm?: string): void; confirm?: string }) {
  const running = pending.has(intentKey(intent));
  return (
    <button
      type="button"
      disabled={running}
      data-action={intent.kind}
      onClick={(e) => {
        e.stopPropagation();
        onIntent(intent, confirm);
      }}
    >
      {running ? busy : label}
    </button>
  );
}
