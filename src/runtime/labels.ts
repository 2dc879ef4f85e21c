// Names and labels foxdev puts on engine objects. Everything foxdev creates carries the project
// label, so `foxdev down` can find it by label alone — also after foxdev itself was killed.
export const LABEL_PROJECT = 'dev.foxdev.project';
export const LABEL_SERVICE = 'dev.foxdev.service';
/** Hash of the service's resolved config; a different hash means recreate. */
export const LABEL_CONFIG_HASH = 'dev.foxdev.config-hash';
/** Hash of the build context + build config an image was made from. */
export const LABEL_BUILD_HASH = 'dev.foxdev.build-hash';
/** Hash of the seed inputs applied to a volume / database. */
export const LABEL_SEED_HASH = 'dev.foxdev.seed-hash';

export const containerName = (project: string, service: string): string => `${project}-${service}`;
export const networkName = (project: string): string => `${project}_default`;
export const volumeName = (project: string, key: string): string => `${project}_${key}`;
export const imageName = (project: string, service: string): string => `${project}-${service}:foxdev`;
