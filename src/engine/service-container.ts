// Creating a service's container is more than one call: the spec (plan/container-spec.ts) may
// say what this engine cannot do, the image may need pulling (pull_policy), further networks are
// joined and environment/content secrets are written in before the first start. Used by `up`,
// rebuilds and `run` alike, so they create the same container. Decides nothing the spec did not.
import path from 'node:path';
import type Docker from 'dockerode';
import type { Project, Service } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { containerSpec, type ContainerSpec } from '../plan/container-spec.js';
import { remoteBindProblem } from '../plan/remote-binds.js';
import type { SecretPlacement } from '../plan/spec-secrets.js';
import { connectNetwork, createContainer, putFile } from '../runtime/docker/containers.js';
import { engineEndpoint } from '../runtime/engine-endpoint.js';
import { stateDir } from '../runtime/process.js';
import { writeSecretFile } from '../runtime/secret-files.js';

const apiVersions = new WeakMap<Docker, Promise<string | undefined>>();

/** The engine's API version, asked once per client. */
export function engineApi(docker: Docker): Promise<string | undefined> {
  let v = apiVersions.get(docker);
  if (!v) {
    v = docker.version().then((r) => r.ApiVersion, () => undefined);
    apiVersions.set(docker, v);
  }
  return v;
}

export interface CreateOptions {
  buildHash?: string;
  /** compose's container number (plan/replicas.ts); 1 unless the service is scaled. */
  replica?: number;
  say: (line: string) => void;
  /** Replace parts of the body (`run` one-offs); the spec's extra steps still apply. */
  reshape?: (spec: ContainerSpec) => Pick<ContainerSpec, 'name' | 'body' | 'connect'>;
}

export async function createServiceContainer(docker: Docker, project: Project, svc: Service, image: string, o: CreateOptions): Promise<Docker.Container> {
  const spec = containerSpec(project, svc, image, o.buildHash, { api: await engineApi(docker), secretDir: path.join(stateDir(project), 'secrets') }, o.replica);
  if (spec.refused.length > 0) {
    const r = spec.refused[0];
    throw new FoxdevError('config', `${r.path}: ${r.message}`, { hint: spec.refused.length > 1 ? `and ${spec.refused.length - 1} more like it` : undefined });
  }
  refuseRemoteBinds(svc, spec);
  for (const note of spec.notes) o.say(note);
  for (const w of spec.writes) await writeSecretFile({ ...w, content: secretContent(project, w) });
  const { name, body, connect } = o.reshape ? o.reshape(spec) : spec;
  const c = await createWithImage(docker, svc, name, body, image, o.say);
  try {
    for (const e of connect) await connectNetwork(docker, c.id, e.network, e.config);
    for (const p of spec.copies) await putFile(docker, c.id, { path: p.target, content: secretContent(project, p), uid: p.uid, gid: p.gid, mode: p.mode });
  } catch (err) {
    // A half-made container would be reused by the next `up` as if it were complete.
    await c.remove({ force: true }).catch(() => {});
    throw err;
  }
  return c;
}

/** Refused on a remote engine (see plan/remote-binds.ts). */
let endpoint: ReturnType<typeof engineEndpoint> | undefined;

function refuseRemoteBinds(svc: Service, spec: ContainerSpec): void {
  // The endpoint is fixed for the process (the client is made once); read the context files once.
  const ep = (endpoint ??= engineEndpoint());
  const problem = ep.local ? undefined : remoteBindProblem(svc.name, spec.body, ep.display);
  if (problem) throw new FoxdevError('config', problem.message, { hint: problem.hint });
}

function secretContent(project: Project, p: SecretPlacement): string {
  const content = p.source.kind === 'content' ? p.source.text : p.source.kind === 'environment' ? project.secretEnv?.[p.source.variable] : undefined;
  if (content !== undefined) return content;
  const v = p.source.kind === 'environment' ? p.source.variable : '';
  throw new FoxdevError('config', `${p.kind}s.${p.name}: environment variable ${v} is not set`, { hint: `set ${v} in the shell or in .env` });
}

/** Create; when the image is missing, pull it once (unless pull_policy: never) and say clearly if that fails. */
async function createWithImage(docker: Docker, svc: Service, name: string, body: Record<string, unknown>, image: string, say: (l: string) => void): Promise<Docker.Container> {
  const policy = svc.build ? 'build' : String(svc.extra.pull_policy ?? 'missing');
  if (policy === 'always') await pull(docker, image, say);
  try {
    return await createContainer(docker, name, body);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404 || svc.build) throw err;
    if (policy === 'never') throw new FoxdevError('engine', `image ${image} is not available locally (pull_policy: never)`, { cause: err });
    await pull(docker, image, say);
    return createContainer(docker, name, body);
  }
}

async function pull(docker: Docker, image: string, say: (l: string) => void): Promise<void> {
  say(`pulling image ${image}`);
  try {
    await new Promise<void>((resolve, reject) => {
      docker.pull(image, (e: Error | null, stream: NodeJS.ReadableStream) => {
        if (e) return reject(e);
        docker.modem.followProgress(stream, (e2: Error | null) => (e2 ? reject(e2) : resolve()));
      });
    });
  } catch (pullErr) {
    throw new FoxdevError('engine', `image ${image} is not available locally and could not be pulled: ${(pullErr as Error).message.split('\n')[0]}`, { cause: pullErr });
  }
}
