// PURE: which of a project's containers compose calls orphans, and whether its settings say to
// warn about or remove them. compose's rule (pkg/compose/containers.go isOrphaned): a one-off
// `run` container once it has exited, or a container of a service the files no longer define
// (a service of an inactive profile is still defined).
import type { Project } from '../config/project.js';
import { COMPOSE_SERVICE, isOneOff } from '../names/compose-labels.js';
import { truthy } from './compose-vars.js';

export interface Listed {
  name: string;
  state: string;
  labels: Record<string, string>;
}

export function orphansOf<C extends Listed>(project: Pick<Project, 'services' | 'disabledServices'>, containers: C[]): C[] {
  const defined = new Set([...Object.keys(project.services), ...(project.disabledServices ?? [])]);
  return containers.filter((c) => (isOneOff(c.labels) ? c.state === 'exited' || c.state === 'dead' : !defined.has(c.labels[COMPOSE_SERVICE] ?? '')));
}


export const removeOrphansSet = (project: Pick<Project, 'composeVars'>): boolean => truthy(project.composeVars?.COMPOSE_REMOVE_ORPHANS);
export const ignoreOrphansSet = (project: Pick<Project, 'composeVars'>): boolean => truthy(project.composeVars?.COMPOSE_IGNORE_ORPHANS);

/** compose's warning, word for word. */
export const orphanWarning = (names: string[]): string =>
  `Found orphan containers (${names.join(', ')}) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`;
