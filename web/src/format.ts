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

/** 1.5 GiB, 12.3 MiB, 800 KiB: memory as docker stats writes it. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 100 || i === 0 ? n.toFixed(0) : n.toFixed(1)} ${units[i]}`;
}

export function portText(p: PortInfo): string {
  return p.published !== undefined ? `${p.published}→${p.target}` : `${p.target}`;
}
