// PURE: the order `foxdev stop`, `foxdev down` and a session's shutdown take a project apart.
// Dependents go before what they depend on, one dependency level at a time, and every unit of a
// level at once: a level costs its longest grace period, not the sum of them (compose stops the
// same way). A unit is whatever the caller found: a container (or replica) or a host process.
import type { Project } from '../config/project.js';
import { descendants, graphOf, stopLevels } from './graph.js';

/** Compose's default stop_grace_period, for units whose service the project no longer has. */
export const DEFAULT_GRACE_MS = 10_000;

export interface StopUnit {
  service: string;
  /** How the text names it: a container name, or `host process (pid N)`. */
  name: string;
  kind: 'container' | 'process';
  /** Running (or paused): needs a stop. A stopped one only needs removing, when it does. */
  running: boolean;
}

export type StopOpKind = 'stop' | 'remove' | 'forget';

/** What happens to one unit, in order (a remove waits for its own stop, not its level's). */
export interface StopStep<U extends StopUnit> {
  unit: U;
  ops: StopOpKind[];
  graceMs: number;
}

export interface StopPlan<U extends StopUnit> {
  /** Level 0 goes first; the steps of one level run side by side. */
  levels: Array<Array<StopStep<U>>>;
}

export interface DownPlan<U extends StopUnit> extends StopPlan<U> {
  project: string;
  removeNetworks: boolean;
  removeVolumes: boolean;
  /** Containers of services the project no longer has, left because --remove-orphans was not given. */
  orphansLeft: U[];
}

export interface StopPlanOptions {
  /** -t/--timeout: overrides every service's stop_grace_period. */
  timeoutMs?: number;
}

export interface DownPlanOptions extends StopPlanOptions {
  volumes?: boolean;
  removeOrphans?: boolean;
  /** `down SERVICE…`: only these and what depends on them (compose's), the rest left running. */
  services?: string[];
}

/** The slice of a Project that stopping reads (tests pass a small literal). */
export interface StopProject {
  name: string;
  services: Record<string, { depends_on: Record<string, unknown>; stopGracePeriodMs: number }>;
}

function graceOf(project: StopProject, service: string, o: StopPlanOptions): number {
  return o.timeoutMs ?? project.services[service]?.stopGracePeriodMs ?? DEFAULT_GRACE_MS;
}

/**
 * Units grouped by stop level of the whole graph (a service between two of them, say a job that
 * has completed, still separates them), empty levels dropped. Units of unknown services come
 * first: nothing known depends on them. Within a level, declaration order, then the units' order.
 */
function byLevel<U extends StopUnit>(project: StopProject, units: U[]): U[][] {
  const known = units.filter((u) => project.services[u.service]);
  const unknown = units.filter((u) => !project.services[u.service]);
  const levels = stopLevels(graphOf(project)).map((level) => level.flatMap((s) => known.filter((u) => u.service === s)));
  return [unknown, ...levels].filter((l) => l.length > 0);
}

/** `foxdev stop` and a session's shutdown: stop what runs, keep everything. */
export function planStop<U extends StopUnit>(project: StopProject, units: U[], o: StopPlanOptions = {}): StopPlan<U> {
  const levels = byLevel(project, units.filter((u) => u.running)).map((level) =>
    level.map((unit): StopStep<U> => ({ unit, ops: ['stop'], graceMs: graceOf(project, unit.service, o) })),
  );
  return { levels };
}

/**
 * `foxdev down`: stop and remove every container (orphans only when asked), stop host processes
 * and forget their records, then the project's networks, and its volumes when asked.
 */
export function planDown<U extends StopUnit>(project: StopProject, units: U[], o: DownPlanOptions = {}): DownPlan<U> {
  const isOrphan = (u: U) => u.kind === 'container' && !project.services[u.service];
  // Named services take their dependents with them: nothing is left depending on a removed one.
  const scope = o.services?.length ? new Set([...o.services, ...descendants(graphOf(project), o.services)]) : undefined;
  // (A unit of a named service is taken even when the project does not know it: `-p NAME down web`.)
  const taken = units.filter((u) => (o.removeOrphans && isOrphan(u)) || (scope ? scope.has(u.service) : !isOrphan(u)));
  // The network and volumes stay while anything of the project is left on them.
  const whole = !scope || units.every((u) => isOrphan(u) || scope.has(u.service));
  const levels = byLevel(project, taken).map((level) =>
    level.map((unit): StopStep<U> => {
      const last: StopOpKind = unit.kind === 'process' ? 'forget' : 'remove';
      return { unit, ops: unit.running ? ['stop', last] : [last], graceMs: graceOf(project, unit.service, o) };
    }),
  );
  return {
    project: project.name,
    levels,
    removeNetworks: whole,
    removeVolumes: o.volumes === true && whole,
    orphansLeft: o.removeOrphans ? [] : units.filter(isOrphan),
  };
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

function stepLines<U extends StopUnit>(step: StopStep<U>, level: number): string[] {
  const { unit } = step;
  return step.ops.map((op) => {
    const what = `${op} ${unit.service}: ${unit.name}`;
    return op === 'stop' ? `${what} (level ${level}, grace ${seconds(step.graceMs)})` : `${what} (level ${level})`;
  });
}

/** Stable text, one line per operation, in the order they start. */
export function formatStopPlan<U extends StopUnit>(plan: StopPlan<U> | DownPlan<U>): string {
  const lines = plan.levels.flatMap((level, i) => level.flatMap((step) => stepLines(step, i)));
  if ('project' in plan) {
    if (plan.removeNetworks) lines.push(`remove networks of project ${plan.project}`);
    if (plan.removeVolumes) lines.push(`remove volumes of project ${plan.project}`);
    for (const u of plan.orphansLeft) lines.push(`keep orphan ${u.name} (service ${u.service} is not in the project; --remove-orphans removes it)`);
  }
  return lines.join('\n');
}
