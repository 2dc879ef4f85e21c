// `foxdev down`: remove what `up` made, found by label alone, so it works after foxdev itself was
// killed with -9. Containers stop dependents-first; volumes go only when asked.
import type Docker from 'dockerode';
import type { Project } from '../config/project.js';
import { dependencyOrder, graphOf } from '../plan/graph.js';
import { listProjectContainers, removeContainer, stopContainer } from '../runtime/docker/containers.js';
import { removeProjectNetworks, removeProjectVolumes } from '../runtime/docker/objects.js';
import { forgetProcess, recordedProcesses, stateDir, stopGroup } from '../runtime/process.js';

export interface DownOptions {
  volumes?: boolean;
  removeOrphans?: boolean;
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

export async function down(docker: Docker, project: Project, opts: DownOptions = {}): Promise<DownResult> {
  const say = opts.onLine ?? (() => {});
  const containers = await listProjectContainers(docker, project.name);
  const known = (s: string) => project.services[s] !== undefined;
  const orphans = containers.filter((c) => !known(c.service));
  const targets = containers.filter((c) => known(c.service) || opts.removeOrphans);
  const grace = (service: string) => opts.timeoutMs ?? project.services[service]?.stopGracePeriodMs ?? 10_000;

  // Reverse dependency order, one level at a time; orphans (unknown order) go first.
  const order = dependencyOrder(graphOf(project)).reverse();
  const rank = (s: string) => (known(s) ? order.indexOf(s) : -1);
  const byRank = new Map<number, typeof targets>();
  for (const c of targets) byRank.set(rank(c.service), [...(byRank.get(rank(c.service)) ?? []), c]);
  for (const r of [...byRank.keys()].sort((a, b) => a - b)) {
    await Promise.all(
      byRank.get(r)!.map(async (c) => {
        if (c.running) {
          say(`stopping ${c.name}`);
          await stopContainer(docker, c.id, grace(c.service));
        }
        await removeContainer(docker, c.id);
        say(`removed ${c.name}`);
      }),
    );
  }

  const processes: string[] = [];
  for (const p of await recordedProcesses(stateDir(project))) {
    if (p.alive) {
      say(`stopping host process ${p.service} (pid ${p.pid})`);
      await stopGroup(p.pid, grace(p.service));
      processes.push(p.service);
    }
    await forgetProcess(stateDir(project), p.service);
  }

  const orphansLeft = opts.removeOrphans ? [] : orphans.map((c) => c.name);
  // A network still used by orphans stays; the engine refuses to remove it anyway.
  const networks = await removeProjectNetworks(docker, project.name);
  const volumes = opts.volumes ? await removeProjectVolumes(docker, project.name) : [];
  for (const v of volumes) say(`removed volume ${v}`);
  return { containers: targets.map((c) => c.name), processes, networks, volumes, orphansLeft };
}
