// The labels docker compose puts on what it creates, for the ones foxdev's verbs read or write.
// Kept apart from labels.ts (foxdev's own) so the two vocabularies stay distinguishable.
export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';
/** "True" on a `run` container, "False" on a service container (compose writes the strings). */
export const COMPOSE_ONEOFF = 'com.docker.compose.oneoff';
export const COMPOSE_CONTAINER_NUMBER = 'com.docker.compose.container-number';

export const isOneOff = (labels: Record<string, string> | undefined): boolean => labels?.[COMPOSE_ONEOFF] === 'True';
