// Docker contexts, read the way the docker CLI stores them, so `docker context use x` (or
// DOCKER_CONTEXT, or --context) points foxdev at the same engine as docker: the current context
// in <config>/config.json, each context's endpoint in <config>/contexts/meta/<sha256(name)>/meta.json
// and its TLS files in <config>/contexts/tls/<sha256(name)>/docker/. <config> is DOCKER_CONFIG or ~/.docker.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FoxdevError } from '../errors.js';

export interface ContextEndpoint {
  name: string;
  host: string;
  /** PEM files of the context's TLS material, when it has any. */
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  skipTLSVerify: boolean;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}

/**
 * The docker CLI's choice: DOCKER_HOST means the default context; then DOCKER_CONTEXT; then
 * config.json's currentContext; else default. (`--context` is applied by the CLI before this,
 * by setting DOCKER_CONTEXT and clearing DOCKER_HOST, as docker gives the flag precedence.)
 */
export function contextName(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_HOST) return 'default';
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const file = path.join(dockerConfigDir(env), 'config.json');
  if (!existsSync(file)) return 'default';
  try {
    const current = (JSON.parse(readFileSync(file, 'utf8')) as { currentContext?: string }).currentContext;
    return current || 'default';
  } catch (err) {
    throw new FoxdevError('config', `${file}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

export function readContext(name: string, env: NodeJS.ProcessEnv): ContextEndpoint {
  const dir = dockerConfigDir(env);
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(dir, 'contexts', 'meta', id, 'meta.json');
  if (!existsSync(metaFile))
    throw new FoxdevError('usage', `context "${name}" does not exist (no ${metaFile})`, { hint: 'list them with `docker context ls`, or unset DOCKER_CONTEXT' });
  let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (err) {
    throw new FoxdevError('config', `${metaFile}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const docker = meta.Endpoints?.docker;
  if (!docker?.Host) throw new FoxdevError('config', `${metaFile}: context "${name}" has no docker endpoint`);
  const tlsDir = path.join(dir, 'contexts', 'tls', id, 'docker');
  const read = (f: string) => (existsSync(path.join(tlsDir, f)) ? readFileSync(path.join(tlsDir, f)) : undefined);
  const tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
  return { name, host: docker.Host, skipTLSVerify: docker.SkipTLSVerify === true, ...(tls.ca || tls.cert || tls.key ? { tls } : {}) };
}

/** The Docker CLI config's `psFormat` (what `docker compose ps` uses without --format), if any. */
export function configPsFormat(env: NodeJS.ProcessEnv): string | undefined {
  const file = path.join(dockerConfigDir(env), 'config.json');
  if (!existsSync(file)) return undefined;
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { psFormat?: unknown }).psFormat;
    return typeof v === 'string' && v ? v : undefined;
  } catch (err) {
    throw new FoxdevError('config', `${file}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}
