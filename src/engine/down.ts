// `foxdev down`: remove what `up` made, found by label alone, so it works after foxdev itself was
// killed with -9. plan/stop.ts decides the order (dependents first, a level at a time, a level's
// units side by side); this file only carries it out. Volumes go only when asked.
import type { Project } from '../config/project.js';
import { planDown, type StopStep, type StopUnit } from '../plan/stop.js';
import type { ProjectContainer, Runtime } from '../runtime/runtime.js';
import { forgetProcess, recordedProcesses, stateDir } from '../runtime/process-state.js';
import { containerProgress, progressLine } from '../logfmt/progress.js';

export interface DownOptions {
  volumes?: boolean;
  removeOrphans?: boolean;
  /** Only these services and their dependents (`down SERVICE…`). */
  services?: string[];
  /** Overrides each service's stop_grace_period. */
  timeoutMs?: number;
  onLine?: (line: string) => void;
}

export interface DownResult {
  containers: string[];
  processes: string[];
  networks: string[];
  volumes: string[];
  orphansLeft: string[];
}

type Unit = StopUnit & ({ kind: 'container'; container: ProjectContainer } | { kind: 'process'; pid: number });

export async function down(runtime: Runtime, project: Project, opts: DownOptions = {}): Promise<DownResult> {
  const say = opts.onLine ?? (() => {});
  const state = stateDir(project);
  const units: Unit[] = [
    ...(await runtime.listProjectContainers(project.name)).map(
      (c): Unit => ({ service: c.service, name: c.name, kind: 'container', running: c.running, container: c }),
    ),
    ...(await recordedProcesses(state)).map(
      (p): Unit => ({ service: p.service, name: `host process (pid ${p.pid})`, kind: 'process', running: p.alive, pid: p.pid }),
    ),
  ];
  const plan = planDown(project, units, opts);

  const stoppedProcesses: string[] = [];
  const carryOut = async ({ unit, ops, graceMs }: StopStep<Unit>): Promise<void> => {
    for (const op of ops) {
      if (unit.kind === 'container') {
        if (op === 'stop') {
          say(containerProgress(unit.name, 'Stopping'));
          await runtime.stopContainer(unit.container.id, graceMs);
          say(containerProgress(unit.name, 'Stopped'));
        } else {
          say(containerProgress(unit.name, 'Removing'));
          // -v: the containers' anonymous volumes go too, as compose's down -v removes them.
          await runtime.removeContainer(unit.container.id, { volumes: opts.volumes === true });
          say(containerProgress(unit.name, 'Removed'));
        }
      } else if (op === 'stop') {
        say(`stopping host process ${unit.service} (pid ${unit.pid})`);
        await runtime.stopProcessGroup(unit.pid, graceMs);
        stoppedProcesses.push(unit.service);
      } else {
        await forgetProcess(state, unit.service);
      }
    }
  };
  for (const level of plan.levels) await Promise.all(level.map(carryOut));

  // A network still used by orphans stays; the engine refuses to remove it anyway.
  const networks = plan.removeNetworks ? await runtime.removeProjectNetworks(project.name) : [];
  const volumes = plan.removeVolumes ? await runtime.removeProjectVolumes(project.name) : [];
  for (const n of networks) say(progressLine('Network', n, 'Removed'));
  for (const v of volumes) say(progressLine('Volume', v, 'Removed'));
  return {
    containers: plan.levels.flat().filter((s) => s.unit.kind === 'container').map((s) => s.unit.name),
    processes: stoppedProcesses,
    networks,
    volumes,
    orphansLeft: plan.orphansLeft.map((u) => u.name),
  };
}
