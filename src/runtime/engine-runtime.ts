// Where the layers above runtime/ get a Runtime for the engine the endpoint names (DOCKER_HOST,
// --context, the default socket): the CLI builds one per command through here instead of
// constructing a client. The CLI imports this file lazily, so `--help` and ps never load the
// client library.
import type { Runtime } from './runtime.js';
import { dockerClient } from './docker-client.js';
import { dockerRuntime } from './docker/runtime.js';
import { engineUnreachable } from './engine-endpoint.js';

/** The process-wide Runtime over the shared client; nothing is asked of the engine yet. */
export function engineRuntime(): Runtime {
  return dockerRuntime(dockerClient());
}

/** engineRuntime() once the engine has answered a ping; one clear error when it does not. */
export async function connectRuntime(): Promise<Runtime> {
  const runtime = engineRuntime();
  await runtime.ping().catch((err: unknown) => {
    throw engineUnreachable(err);
  });
  return runtime;
}
