// Where the Docker engine listens, and what to say when it does not answer. Kept apart from
// docker-client.ts (which imports dockerode) so read-only commands such as `foxdev ps` can find
// the engine without loading dockerode. DOCKER_HOST is honoured the way the docker CLI honours
// it (unix://, tcp://); without it, the default unix socket.
import type Docker from 'dockerode';
import { FoxdevError } from '../errors.js';

export interface EngineEndpoint {
  /** What a person would recognise: "unix:///var/run/docker.sock" or "tcp://host:2375". */
  display: string;
  options: Docker.DockerOptions;
}

export function engineEndpoint(env: NodeJS.ProcessEnv = process.env): EngineEndpoint {
  const host = env.DOCKER_HOST;
  if (!host) return { display: 'unix:///var/run/docker.sock', options: { socketPath: '/var/run/docker.sock' } };
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    return { display: host, options: { socketPath } };
  }
  const m = /^(tcp|http|https):\/\/([^:/]+)(?::(\d+))?/.exec(host);
  if (!m) throw new FoxdevError('usage', `DOCKER_HOST=${host} is not a unix:// or tcp:// address`);
  const protocol = m[1] === 'https' ? 'https' : 'http';
  return { display: host, options: { host: m[2], port: Number(m[3] ?? 2375), protocol } };
}

/** Turn a connection failure into a message that says what to do. */
export function engineUnreachable(err: unknown): FoxdevError {
  const ep = engineEndpoint();
  return new FoxdevError('engine', `cannot reach the Docker engine at ${ep.display}`, {
    hint: 'start the Docker engine (dockerd or Docker Desktop), or point DOCKER_HOST at one that runs; `foxdev doctor` checks the setup',
    cause: err,
  });
}
