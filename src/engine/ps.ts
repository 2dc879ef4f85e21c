// `foxdev ps`: what runs now, from the engine and the recorded host processes. The engine is
// read through a `PsEngine` (runtime/ps-readers.ts), so the CLI can use the small HTTP reader
// instead of loading dockerode.
import type { Project } from '../config/project.js';
import { dependencyOrder, graphOf } from '../plan/graph.js';
import type { ProjectContainer } from '../runtime/runtime.js';
import type { ContainerInspectInfo, PsEngine } from '../runtime/ps-readers.js';
import { recordedProcesses, stateDir } from '../runtime/process-state.js';
import { isOneOff } from '../names/compose-labels.js';

export type { PsEngine };

export interface PsRow {
  service: string;
  kind: 'container' | 'process' | 'job';
  name: string;
  state: string; // running | exited | created | stopped
  exitCode?: number;
  health: string; // healthy | unhealthy | starting | none
  ports: string[]; // "http://localhost:4100->3000/tcp"
  restarts: number;
  startedAt?: string;
}

/** One service container with what the engine said about it (compose's JSON needs more than a row). */
export interface PsEntry {
  row: PsRow;
  container?: ProjectContainer;
  info?: ContainerInspectInfo;
}

export async function ps(engine: PsEngine, project: Project): Promise<PsRow[]> {
  return (await psEntries(engine, project)).map((e) => e.row);
}

/**
 * Health is shown only for a running container that has a healthcheck, as compose does: an
 * exited container (a completed job above all) keeps the engine's last health status, which
 * would read as "unhealthy" for a job that finished fine.
 */
export function healthOf(info: ContainerInspectInfo): string {
  return info.State.Running && info.State.Health?.Status ? info.State.Health.Status : 'none';
}

/** Rows plus their containers; one-off containers (`foxdev run`) are left out, as compose's ps does. */
export async function psEntries(engine: PsEngine, project: Project): Promise<PsEntry[]> {
  const containers = (await engine.list(project.name)).filter((c) => !isOneOff(c.labels));
  // One list call, then the inspects side by side (restart count and start time are only there).
  const inspected = await Promise.all(containers.map(async (c) => ({ c, info: await engine.inspect(c.id) })));
  const entries: PsEntry[] = [];
  for (const { c, info } of inspected) {
    if (!info) continue;
    entries.push({ container: c, info, row: {
      service: c.service,
      kind: project.services[c.service]?.kind ?? 'container',
      name: c.name,
      state: info.State.Status,
      exitCode: info.State.Running ? undefined : info.State.ExitCode,
      health: healthOf(info),
      ports: c.ports
        .filter((p) => p.published)
        .map((p) => `http://localhost:${p.published}->${p.target}/${p.protocol}`)
        .filter((p, i, all) => all.indexOf(p) === i),
      restarts: info.RestartCount,
      startedAt: info.State.Running ? info.State.StartedAt : undefined,
    } });
  }
  for (const p of await recordedProcesses(stateDir(project))) {
    entries.push({ row: { service: p.service, kind: 'process', name: `pid ${p.pid}`, state: p.alive ? 'running' : 'exited', health: 'none', ports: [], restarts: 0 } });
  }
  const order = dependencyOrder(graphOf(project));
  // Dependency order, then a scaled service's replicas by number.
  return entries.sort((a, b) => order.indexOf(a.row.service) - order.indexOf(b.row.service) || (a.container?.number ?? 0) - (b.container?.number ?? 0));
}

export function formatPs(rows: PsRow[], now = Date.now()): string {
  const table = [['SERVICE', 'KIND', 'STATE', 'HEALTH', 'UPTIME', 'RESTARTS', 'PORTS']];
  for (const r of rows) {
    const state = r.state === 'exited' && r.exitCode !== undefined ? `exited (${r.exitCode})` : r.state;
    table.push([r.service, r.kind, state, r.health, r.startedAt ? uptime(now - Date.parse(r.startedAt)) : '-', String(r.restarts), r.ports.join(', ')]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

function uptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}
