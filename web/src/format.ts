// PURE: small texts the page shows: uptime, the title, a port's link.
import { selectSummary, type PortInfo, type ServiceState, type State } from '../../src/store/index.js';
import { formatDuration } from '../../src/logfmt/time.js';

export function uptime(s: ServiceState, now: number): string {
  return s.startedAt === undefined ? '' : formatDuration(Math.max(0, now - s.startedAt));
}

/** "3/4 ready · shop — foxdev": what a tab shows among many. */
export function documentTitle(state: State | null): string {
  if (!state) return 'foxdev';
  const { ok, total, bad } = selectSummary(state);
  return `${ok}/${total} ready${bad ? ` · ${bad} failing` : ''} · ${state.project?.name ?? ''} — foxdev`;
}

export function portLink(p: PortInfo): string | undefined {
  return p.published !== undefined && p.protocol === 'tcp' ? `http://localhost:${p.published}/` : undefined;
}

export function portText(p: PortInfo): string {
  return p.published !== undefined ? `${p.published}→${p.target}` : `${p.target}`;
}
