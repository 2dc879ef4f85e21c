// PURE: compose's settings that come as COMPOSE_* variables (from the shell or .env, collected in
// Project.composeVars), read the way compose reads them.
import type { Project } from '../config/project.js';

/** compose's truthy strings (strconv.ParseBool): 1, t, T, TRUE, true, True. */
export const truthy = (v: string | undefined): boolean => v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);

/** `--compatibility` / COMPOSE_COMPATIBILITY: compose v1's container names, `project_service_1`. */
export const compatibilitySet = (project: Pick<Project, 'composeVars'>): boolean => truthy(project.composeVars?.COMPOSE_COMPATIBILITY);

/** The separator in the names compose gives containers: `-`, or `_` in compatibility mode. */
export const nameSeparator = (project: Pick<Project, 'composeVars'>): string => (compatibilitySet(project) ? '_' : '-');
