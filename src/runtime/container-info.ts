// What the compose verbs read about containers, images and the engine, in foxdev's own shapes:
// only the fields a verb shows or decides on, so nothing above runtime/ names the client's types.
// docker/inspect.ts fills them from the Engine API; the fake runtime from its memory.

export interface PortBinding {
  hostIp: string;
  hostPort: string;
}

export interface ContainerDetails {
  /** The image id the container runs (sha256:…). */
  imageId: string;
  /** The image reference it was created from (Config.Image). */
  configuredImage: string;
  /** State.Running: true for a paused or restarting container too. */
  running: boolean;
  exitCode: number;
  /** Published ports by "port/protocol"; null where the engine lists a port without bindings. */
  ports: Record<string, PortBinding[] | null>;
  /** Its mounts: `name` for volumes (an anonymous one's is a long hex id). */
  mounts: Array<{ type: string; name?: string; destination: string }>;
}

export interface ImageDetails {
  repoTags: string[];
  size: number;
}

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

/** The engine's top answer (ps columns). */
export interface ProcessTable {
  titles: string[];
  processes: string[][];
}
