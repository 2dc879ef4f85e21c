// Where the Docker engine listens, and what to say when it does not answer. Kept apart from
// docker-client.ts (which imports dockerode) so read-only commands such as `foxdev ps` can find
// the engine without loading dockerode. The engine is chosen as the docker CLI chooses it:
// --context / DOCKER_HOST / DOCKER_CONTEXT / the current context, with unix://, tcp:// (TLS from
// DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, or the context's files) and ssh:// hosts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { FoxdevError } from '../errors.js';
import { contextName, dockerConfigDir, readContext } from './docker-context.js';

export interface EngineEndpoint {
  /** What a person would recognise: "unix:///var/run/docker.sock" or "tcp://host:2376". */
  display: string;
  /** The Docker context it came from ("default" for DOCKER_HOST or the default socket). */
  context: string;
  /** Where the choice came from, for doctor: "DOCKER_HOST", "DOCKER_CONTEXT", "--context", "current context", "default". */
  source: string;
  /** Containers run on this machine: published ports are on localhost and binds name local paths. */
  local: boolean;
  options: Docker.DockerOptions;
}

const DEFAULT_SOCKET = '/var/run/docker.sock';

export function engineEndpoint(env: NodeJS.ProcessEnv = process.env): EngineEndpoint {
  const context = contextName(env);
  if (context !== 'default') {
    const c = readContext(context, env);
    const source = env.FOXDEV_CONTEXT_FLAG === context ? '--context' : env.DOCKER_CONTEXT ? 'DOCKER_CONTEXT' : 'current context';
    return fromHost(c.host, { context, source, tls: c.tls ? { ...c.tls, verify: !c.skipTLSVerify } : undefined });
  }
  if (!env.DOCKER_HOST) return { display: `unix://${DEFAULT_SOCKET}`, context, source: 'default', local: true, options: { socketPath: DEFAULT_SOCKET } };
  return fromHost(env.DOCKER_HOST, { context, source: 'DOCKER_HOST', tls: envTls(env) });
}

type Tls = { ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean };

/** DOCKER_TLS_VERIFY / DOCKER_TLS with the PEM files of DOCKER_CERT_PATH (default: the docker config folder). */
function envTls(env: NodeJS.ProcessEnv): Tls | undefined {
  const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
  if (!verify && !env.DOCKER_TLS) return undefined;
  const dir = env.DOCKER_CERT_PATH || dockerConfigDir(env);
  const read = (f: string) => {
    const file = path.join(dir, f);
    if (existsSync(file)) return readFileSync(file);
    if (verify && f === 'ca.pem') throw new FoxdevError('config', `DOCKER_TLS_VERIFY is set but ${file} does not exist`, { hint: 'point DOCKER_CERT_PATH at the folder with ca.pem, cert.pem and key.pem' });
    return undefined;
  };
  return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem'), verify };
}

function fromHost(host: string, o: { context: string; source: string; tls?: Tls }): EngineEndpoint {
  const base = { display: host, context: o.context, source: o.source };
  if (host.startsWith('unix://')) return { ...base, local: true, options: { socketPath: host.slice('unix://'.length) } };
  const m = /^(tcp|http|https|ssh):\/\/(?:([^@/]+)@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(host);
  if (!m) throw new FoxdevError('usage', `${o.source === 'DOCKER_HOST' ? 'DOCKER_HOST=' : `context "${o.context}": host `}${host} is not a unix://, tcp:// or ssh:// address`);
  const [, scheme, user, hostname, port] = m;
  const name = hostname.replace(/^\[|\]$/g, '');
  const local = name === 'localhost' || name === '::1' || /^127\./.test(name);
  if (scheme === 'ssh') {
    // docker-modem runs `docker system dial-stdio` on the remote host over ssh2, as the docker CLI does.
    return { ...base, local, options: { protocol: 'ssh', host: name, port: Number(port ?? 22), username: user, sshOptions: { agent: process.env.SSH_AUTH_SOCK } } as Docker.DockerOptions };
  }
  const tls = o.tls && (o.tls.ca || o.tls.cert || o.tls.verify || scheme === 'https') ? o.tls : undefined;
  const protocol = scheme === 'https' || tls ? 'https' : 'http';
  const options: Docker.DockerOptions = { host: name, port: Number(port ?? (protocol === 'https' ? 2376 : 2375)), protocol };
  if (tls) Object.assign(options, { ca: tls.ca, cert: tls.cert, key: tls.key, ...(tls.verify ? {} : { rejectUnauthorized: false }) });
  return { ...base, local, options };
}

/** Turn a connection failure into a message that says what to do. */
export function engineUnreachable(err: unknown): FoxdevError {
  const ep = engineEndpoint();
  const why = tlsWhy(err);
  const where = ep.context === 'default' ? ep.display : `${ep.display} (context ${ep.context})`;
  return new FoxdevError('engine', `cannot reach the Docker engine at ${where}${why ? `: ${why}` : ''}`, {
    hint: why
      ? 'check the certificates (DOCKER_CERT_PATH, or the context’s TLS files) and that they are for this host'
      : 'start the Docker engine (dockerd or Docker Desktop), or point DOCKER_HOST / --context at one that runs; `foxdev doctor` checks the setup',
    cause: err,
  });
}

/** TLS failures say more than "cannot reach": a certificate problem is fixed differently. */
function tlsWhy(err: unknown): string | undefined {
  const code = (err as { code?: string })?.code ?? '';
  const message = (err as Error)?.message ?? '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_OSSL/i.test(code) || /certificate|ssl|tls/i.test(message)) return `TLS failed (${code || message.split('\n')[0]})`;
  if (code === 'ECONNRESET' || /socket hang up/i.test(message)) return 'the connection was reset (a TLS engine spoken to without TLS, or the reverse?)';
  return undefined;
}
