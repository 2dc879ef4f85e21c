// The service list as text cells: pure, so tests can check what each state says without
// rendering. Columns are fixed-width so rows line up; the last column (links, sync, seed) takes
// what is left and is cut at the screen edge.

import { ageChangesIn, describePhase, formatAge, formatAgo, healthTone, phaseLabel, phaseTone, seedTone, type Tone } from '../logfmt/index.js';
import type { ServiceKind, ServiceState } from '../store/index.js';

export interface Cell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export interface Columns {
  name: number;
  /** Long kind names only when the screen is wide enough. */
  longKind: boolean;
}

const SHORT_KIND: Record<ServiceKind, string> = { container: 'ctr', process: 'proc', job: 'job' };
const STATE_W = 12;
const HEALTH_W = 9;
const RESTARTS_W = 3;
const UPTIME_W = 6;

export function columnsFor(services: readonly ServiceState[], screenColumns: number): Columns {
  const widest = services.reduce((w, s) => Math.max(w, s.name.length), 7);
  return { name: Math.min(widest, 20), longKind: screenColumns >= 110 };
}

function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width);
}

export function headerCells(c: Columns): Cell[] {
  return [
    { text: '  ' + fit('SERVICE', c.name) },
    { text: ' ' + fit('KIND', c.longKind ? 9 : 4) },
    { text: ' ' + fit('STATE', STATE_W) },
    { text: ' ' + fit('HEALTH', HEALTH_W) },
    { text: ' ' + '↻'.padStart(RESTARTS_W) },
    { text: ' ' + fit('UP', UPTIME_W) },
    { text: ' LINKS · SYNC · SEED' },
  ];
}

const DOWN = new Set(['exited', 'completed', 'failed', 'crash-loop', 'stopped', 'pending']);

function upSince(s: ServiceState): number | undefined {
  return s.startedAt !== undefined && !DOWN.has(s.phase) ? s.startedAt : undefined;
}

export function uptime(s: ServiceState, now: number): string {
  const since = upSince(s);
  return since === undefined ? '' : formatAge(now - since);
}

/**
 * Milliseconds until some time shown in the list (an uptime, "synced 12s ago", a crash-loop
 * countdown) reads differently; null when nothing shown depends on the clock. The screen redraws
 * for the clock only then, so an idle dashboard costs next to nothing.
 */
export function nextTimeChange(services: readonly ServiceState[], now: number): number | null {
  let next = Number.POSITIVE_INFINITY;
  const age = (at: number | undefined) => {
    if (at !== undefined) next = Math.min(next, ageChangesIn(now - at));
  };
  for (const s of services) {
    age(upSince(s));
    if (s.sync && !s.sync.error && s.sync.pending === 0) age(s.sync.at);
    if (s.seed?.state === 'seeded') age(s.seed.at);
    // The countdown shows whole seconds rounded up: it changes as the rest crosses a second.
    const rest = s.phase === 'crash-loop' && s.nextRetryAt !== undefined ? s.nextRetryAt - now : 0;
    if (rest > 0) next = Math.min(next, rest % 1000 || 1000);
  }
  return next === Number.POSITIVE_INFINITY ? null : next;
}

export function links(s: ServiceState): string[] {
  return s.ports.filter((p) => p.published !== undefined).map((p) => (p.protocol === 'udp' ? `udp://localhost:${p.published}` : `http://localhost:${p.published}`));
}

export function syncCell(s: ServiceState, now: number): Cell | null {
  if (!s.sync) return null;
  if (s.sync.error) return { text: 'sync failed', tone: 'bad' };
  if (s.sync.pending > 0) return { text: `syncing ${s.sync.pending}`, tone: 'busy' };
  return { text: `synced ${formatAgo(s.sync.at, now)}`, tone: 'idle' };
}

export function seedCell(s: ServiceState, now: number): Cell | null {
  if (!s.seed) return null;
  const text = s.seed.state === 'seeded' ? `seeded ${formatAgo(s.seed.at, now)}` : s.seed.state === 'seeding' ? 'seeding…' : `seed ${s.seed.state}`;
  return { text, tone: seedTone(s.seed.state) };
}

export function rowCells(s: ServiceState, c: Columns, now: number, selected: boolean): Cell[] {
  const tone = phaseTone(s.phase, s.exitCode);
  const extras: Cell[] = [];
  const l = links(s);
  if (l.length) extras.push({ text: l.join(' ') });
  const sync = syncCell(s, now);
  if (sync) extras.push(sync);
  const seed = seedCell(s, now);
  if (seed) extras.push(seed);
  const cells: Cell[] = [
    { text: selected ? '▸ ' : '  ', bold: true },
    { text: fit(s.name, c.name), bold: selected },
    { text: ' ' + fit(c.longKind ? s.kind : SHORT_KIND[s.kind], c.longKind ? 9 : 4), tone: 'idle' },
    { text: ' ' + fit(phaseLabel(s.phase, s.exitCode), STATE_W), tone },
    { text: ' ' + fit(s.health === 'none' ? '-' : s.health, HEALTH_W), tone: healthTone(s.health) },
    { text: ' ' + String(s.restarts || '').padStart(RESTARTS_W), tone: s.restarts ? 'busy' : undefined },
    { text: ' ' + fit(uptime(s, now), UPTIME_W) },
  ];
  extras.forEach((e, i) => cells.push({ ...e, text: (i === 0 ? ' ' : ' · ') + e.text }));
  return cells;
}

/** The line under a row that says why: what it waits for, its error, when it retries. */
export function detailLine(s: ServiceState, now: number): Cell | null {
  // The engine sets a reason exactly when there is something to explain (waiting, failed, …).
  if (s.reason || s.phase === 'crash-loop') return { text: describePhase({ ...s, at: s.phaseAt ?? now }, now), tone: phaseTone(s.phase, s.exitCode) };
  if (s.phase === 'unhealthy' || s.health === 'unhealthy') {
    return s.lastProbe ? { text: `unhealthy — last probe: ${s.lastProbe}`, tone: 'bad' } : null;
  }
  if (s.sync?.error) return { text: `sync failed: ${s.sync.error}`, tone: 'bad' };
  if (s.seed?.state === 'failed' && s.seed.message) return { text: `seed failed: ${s.seed.message}`, tone: 'bad' };
  return null;
}
