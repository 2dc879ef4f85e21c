// What exists already, for planUp: the project's containers, its images' build hashes, the
// build hashes wanted now, which named volumes are missing, and the networks there are with the
// definition hash each records.
import type { Project } from '../config/project.js';
import type { Observed } from '../plan/up.js';
import { imageName } from '../names/labels.js';
import { isOneOff } from '../names/compose-labels.js';
import { replicaKey } from '../plan/replicas.js';
import { NETWORK_HASH, planNetworks } from '../plan/networks.js';
import { prepareBuild, type PreparedBuild } from '../runtime/build-prepare.js';
import type { Runtime } from '../runtime/runtime.js';
import { recordedProcesses, stateDir } from '../runtime/process.js';

export interface Observation {
  observed: Observed;
  builds: Map<string, PreparedBuild>;
  /** Host ports the project's own containers publish (free for it to reuse at the port check). */
  ownPorts: Set<number>;
}

export async function observe(runtime: Runtime, project: Project, selected: string[]): Promise<Observation> {
  const containers: Observed['containers'] = {};
  const ownPorts = new Set<number>();
  for (const c of await runtime.listProjectContainers(project.name)) {
    // One-off containers (`foxdev run`) are not the service's own: up neither reuses nor removes them.
    if (c.service && !isOneOff(c.labels)) containers[replicaKey(c.service, c.number)] = { service: c.service, id: c.id, hash: c.hash, running: c.running, number: c.number, name: c.name, networks: c.networks };
    for (const p of c.ports) if (p.published) ownPorts.add(p.published);
  }
  const builds = new Map<string, PreparedBuild>();
  const imageBuildHashes: Record<string, string> = {};
  const desiredBuildHashes: Record<string, string> = {};
  await Promise.all(
    selected.map(async (name) => {
      const svc = project.services[name];
      if (!svc.build || svc.kind === 'process') return;
      const tag = imageName(project.name, svc);
      const prepared = await prepareBuild({ project: project.name, service: name, tag, build: svc.build });
      builds.set(name, prepared);
      desiredBuildHashes[name] = prepared.hash;
      const have = await runtime.imageBuildHash(tag);
      if (have) imageBuildHashes[name] = have;
    }),
  );
  const volumeKeys = Object.keys(project.volumes).filter((k) => !project.volumes[k].external);
  const missingNames = new Set(await runtime.missingVolumes(volumeKeys.map((k) => project.volumes[k].name)));
  const networks: Record<string, string> = {};
  await Promise.all(
    planNetworks(project, selected).create.map(async (n) => {
      const labels = await runtime.networkLabels(n.name);
      if (labels) networks[n.name] = labels[NETWORK_HASH] ?? '';
    }),
  );
  const processes: Record<string, number> = {};
  for (const p of await recordedProcesses(stateDir(project))) if (p.alive) processes[p.service] = p.pid;
  return {
    observed: {
      containers,
      processes,
      imageBuildHashes,
      desiredBuildHashes,
      missingVolumes: volumeKeys.filter((k) => missingNames.has(project.volumes[k].name)),
      networks,
    },
    builds,
    ownPorts,
  };
}
