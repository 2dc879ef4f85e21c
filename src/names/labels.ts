// Names and labels foxdev puts on engine objects. Everything foxdev creates carries the project
// label, so `foxdev down` can find it by label alone — also after foxdev itself was killed. A leaf
// module (no imports) so plan/, engine/ and runtime/ all read the same names.
export const LABEL_PROJECT = 'dev.foxdev.project';
export const LABEL_SERVICE = 'dev.foxdev.service';
/** Hash of the service's resolved config; a different hash means recreate. */
export const LABEL_CONFIG_HASH = 'dev.foxdev.config-hash';
/** Hash of the build context + build config an image was made from. */
export const LABEL_BUILD_HASH = 'dev.foxdev.build-hash';
/** Hash of the seed inputs applied to a volume / database. */
export const LABEL_SEED_HASH = 'dev.foxdev.seed-hash';

/** compose's own labels, so a foxdev stack reads as the same stack to `docker compose ps`/`down` and to tools that look for them. */
export const composeLabels = (project: string, service: string, o: { number?: number; workingDir?: string; configFiles?: string[]; oneoff?: boolean } = {}): Record<string, string> => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  // As compose: a one-off (`run`) container has no number, so `--index 1` never picks it.
  ...(o.oneoff ? {} : { 'com.docker.compose.container-number': String(o.number ?? 1) }),
  'com.docker.compose.oneoff': o.oneoff ? 'True' : 'False',
  ...(o.workingDir ? { 'com.docker.compose.project.working_dir': o.workingDir } : {}),
  ...(o.configFiles?.length ? { 'com.docker.compose.project.config_files': o.configFiles.join(',') } : {}),
});

/** compose's name for a service's container: `<project>-<service>-<number>`. */
export const containerName = (project: string, service: string, number = 1): string => `${project}-${service}-${number}`;
/** The name compose prints before a container's log lines: its name less `<project>-` (a container_name stays whole). */
export const composeLabel = (project: string, container: string): string => (container.startsWith(`${project}-`) ? container.slice(project.length + 1) : container);
export const volumeName = (project: string, key: string): string => `${project}_${key}`;
/**
 * The image a service with `build:` runs, as compose names it: its `image:` when given (the build is
 * tagged with it), else `<project>-<service>` (tag latest), so `docker image rm`, `--rmi` and a
 * compose user's scripts find it where compose would have put it.
 */
export const imageName = (project: string, svc: { name: string; image?: string }): string => svc.image || `${project}-${svc.name}`.toLowerCase();
