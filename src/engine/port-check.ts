// Before anything starts: is every published host port free? A port held by one of this
// project's own containers is fine (it is reused or replaced); anything else is reported, all
// at once, with the service that wants it.
import { createServer } from 'node:net';
import type { Project } from '../config/project.js';
import type { UpPlan } from '../plan/up.js';
import { FoxdevError } from '../errors.js';

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: host || '0.0.0.0', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export async function checkPorts(project: Project, plan: UpPlan, ownPorts: Set<number>): Promise<void> {
  const problems: string[] = [];
  // Once per service: replicas publish host ranges or ephemeral ports (plan/replicas.ts refuses a fixed one).
  for (const service of new Set(plan.services.map((sp) => sp.service))) {
    const sp = { service };
    for (const p of project.services[service].ports) {
      if (p.published === undefined || p.protocol !== 'tcp' || ownPorts.has(p.published)) continue;
      if (!(await portFree(p.published, p.host_ip ?? ''))) {
        problems.push(`${sp.service}: host port ${p.published} is already in use`);
      }
    }
  }
  if (problems.length) {
    throw new FoxdevError('engine', problems.length === 1 ? problems[0] : `host ports in use: ${problems.join('; ')}`, {
      hint: 'stop what holds the port, or change the published port in the config',
    });
  }
}
