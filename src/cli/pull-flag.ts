// `up --pull` / `create --pull`: compose's flag over every service's pull_policy ("policy", the
// default, keeps each service's own). Services with a build: keep building, as compose's do.
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';

const POLICIES = ['always', 'missing', 'never', 'policy'];

export function checkPull(value: string | undefined): void {
  if (value !== undefined && !POLICIES.includes(value)) throw new FoxdevError('usage', `invalid --pull option "${value}": expected always, missing, never or policy`);
}

export function withPull(project: Project, value: string | undefined): Project {
  if (value === undefined || value === 'policy') return project;
  const services = Object.fromEntries(
    Object.entries(project.services).map(([name, svc]) => [name, svc.build || svc.kind === 'process' ? svc : { ...svc, extra: { ...svc.extra, pull_policy: value } }]),
  );
  return { ...project, services };
}
