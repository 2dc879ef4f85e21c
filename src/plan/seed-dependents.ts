// Which services to pause or restart around a reset of a database. PURE.
// Direct dependents only: something that depends on the api that depends on the db does not
// hold database connections because of the db, and pausing it would not help.
import type { Project } from '../config/project.js';

export interface DependentsAction {
  action: 'pause' | 'restart';
  services: string[];
  /** Per service, how long a stop waits before killing (its stop_grace_period). */
  stopGraceMs: Record<string, number>;
}

export function dependentsAround(project: Project, service: string): DependentsAction | undefined {
  const seed = project.services[service]?.seed;
  if (!seed || seed.dependents === 'none') return undefined;
  const services = Object.values(project.services)
    .filter((s) => s.name !== service && service in s.depends_on && s.kind !== 'process')
    .map((s) => s.name)
    .sort();
  const stopGraceMs = Object.fromEntries(services.map((s) => [s, project.services[s].stopGracePeriodMs]));
  return services.length ? { action: seed.dependents, services, stopGraceMs } : undefined;
}
