// depends_on, both ways: what a service waits for (init containers, see wait.ts) and who depends
// on it (the only pods its NetworkPolicy admits). A dependency a cluster cannot wait for by
// probing a port is noted instead of silently dropped.
import type { Project, Service } from '../../config/project.js';
import { k8sName } from './names.js';
import type { Wait } from './types.js';

export function waitsFor(project: Project, service: Service, notes: string[]): Wait[] {
  const waits: Wait[] = [];
  const skip = (why: string) => notes.push(`${service.name}: does not wait for ${why}`);
  for (const dep of Object.keys(service.depends_on)) {
    const target = project.services[dep];
    if (!target) skip(`${dep} (not in the project, or not in the active profiles)`);
    else if (target.kind === 'process') skip(`${dep} (a host process, not in the cluster)`);
    else if (target.kind === 'job') skip(`job ${dep} to complete (an init container cannot see Jobs without API access)`);
    else if (!target.ports.length) skip(`${dep} (it has no port to probe)`);
    else waits.push({ service: dep, host: k8sName(dep), port: target.ports[0].target });
  }
  return waits;
}

export function dependentsOf(project: Project, service: Service): string[] {
  return Object.values(project.services)
    .filter((s) => s.kind !== 'process' && service.name in s.depends_on)
    .map((s) => s.name)
    .sort();
}
