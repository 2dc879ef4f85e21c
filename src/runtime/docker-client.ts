// The one place that constructs a dockerode client, at the endpoint engine-endpoint.ts names.
import type Docker from 'dockerode';
import { loadDockerode } from './dockerode-load.js';
import { engineEndpoint } from './engine-endpoint.js';

// Moved to engine-endpoint.ts (no dockerode import there); re-exported for existing callers.
export { engineEndpoint, engineUnreachable, type EngineEndpoint } from './engine-endpoint.js';

let shared: Docker | undefined;

/** A process-wide client; dockerode keeps no connection open between calls. */
export function dockerClient(): Docker {
  if (!shared) {
    const DockerClass = loadDockerode(); // without BuildKit/ssh2 at load time: see dockerode-load.ts
    shared = new DockerClass(engineEndpoint().options);
  }
  return shared;
}
