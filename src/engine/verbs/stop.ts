// `foxdev stop [svc…]`: stop containers (and host processes) without removing them, in the order
// plan/stop.ts gives: dependents before what they depend on, each level's units side by side,
// each with its stop_grace_period unless -t overrides it.
import type { Project } from '../../config/project.js';
import { planStop, type StopUnit } from '../../plan/stop.js';
import type { Runtime } from '../../runtime/runtime.js';
import { recordedProcesses, stateDir, stopGroup } from '../../runtime/process.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export interface StopOptions {
  timeoutMs?: number;
  onLine: (l: string) => void;
}

type Unit = StopUnit & ({ kind: 'container'; id: string } | { kind: 'process'; pid: number });

export async function stopServices(runtime: Runtime, project: Project, names: string[], o: StopOptions): Promise<void> {
  const containers = await serviceContainers(runtime, project, names);
  const processes = (await recordedProcesses(stateDir(project))).filter((p) => !names.length || names.includes(p.service));
  const units: Unit[] = [
    ...containers.map((c): Unit => ({ service: c.service, name: c.name, kind: 'container', running: c.running || c.state === 'paused', id: c.id })),
    ...processes.map((p): Unit => ({ service: p.service, name: `host process (pid ${p.pid})`, kind: 'process', running: p.alive, pid: p.pid })),
  ];
  // compose reports a container that was stopped already as stopped too (TestStopAlreadyStopped).
  for (const u of units) if (u.kind === 'container' && !u.running) o.onLine(containerProgress(u.name, 'Stopped'));
  for (const level of planStop(project, units, o).levels) {
    await Promise.all(
      level.map(async ({ unit, graceMs }) => {
        if (unit.kind === 'process') {
          o.onLine(`stopping host process ${unit.service} (pid ${unit.pid})`);
          await stopGroup(unit.pid, graceMs);
          return;
        }
        o.onLine(containerProgress(unit.name, 'Stopping'));
        await runtime.stopContainer(unit.id, graceMs);
        o.onLine(containerProgress(unit.name, 'Stopped'));
      }),
    );
  }
}
