// PURE: which ps entries `foxdev ps` shows for its flags, as compose decides: running ones unless
// -a, named services only when given, --status / --filter status= narrow by state.
import { FoxdevError } from '../errors.js';
import type { PsEntry } from '../engine/ps.js';

export interface PsSelect {
  all?: boolean;
  services?: string[];
  status?: string[];
  filter?: string[];
}

const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];

export function statusFilter(o: PsSelect): string[] {
  const out = [...(o.status ?? [])];
  for (const f of o.filter ?? []) {
    const m = /^status=(.+)$/.exec(f);
    if (!m) throw new FoxdevError('usage', `unsupported filter ${f}`, { hint: 'only status=<state> is supported, as compose' });
    out.push(m[1]);
  }
  for (const s of out) if (!STATES.includes(s)) throw new FoxdevError('usage', `invalid status ${s}`, { hint: `one of ${STATES.join(', ')}` });
  return out;
}

export function selectPs(entries: PsEntry[], o: PsSelect): PsEntry[] {
  const statuses = statusFilter(o);
  return entries.filter((e) => {
    if (o.services?.length && !o.services.includes(e.row.service)) return false;
    // A process that ended reads "exited", like a container.
    if (statuses.length) return statuses.includes(e.row.state);
    return o.all || e.row.state === 'running' || e.row.state === 'restarting' || e.row.state === 'paused';
  });
}
