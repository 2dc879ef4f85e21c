// Progress lines in compose's words ("Container shop-db-1 Started"), as `docker compose
// --progress plain` writes them to stderr: scripts and people used to compose read these, and
// compose's own end-to-end tests match on them. One place spells them so every verb agrees.
export type ProgressThing = 'Container' | 'Network' | 'Volume' | 'Image';

export type ProgressText =
  | 'Creating'
  | 'Created'
  | 'Recreate'
  | 'Recreated'
  | 'Starting'
  | 'Started'
  | 'Waiting'
  | 'Healthy'
  | 'Exited'
  | 'Running'
  | 'Restarting'
  | 'Stopping'
  | 'Stopped'
  | 'Killing'
  | 'Killed'
  | 'Removing'
  | 'Removed'
  | 'Paused'
  | 'Unpaused'
  | 'Copying'
  | 'Copied'
  | 'Error';

export function progressLine(thing: ProgressThing, name: string, text: ProgressText, details = ''): string {
  return `${thing} ${name} ${text}${details ? ` ${details}` : ''}`;
}

/** A container's line. */
export const containerProgress = (name: string, text: ProgressText, details = ''): string => progressLine('Container', name, text, details);
