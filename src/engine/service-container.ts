// Creating a service's container is more than one call: the spec (plan/container-spec.ts) may
// say what this engine cannot do, the image may need pulling (pull_policy), further networks are
// joined and environment/content secrets are written in before the first start. Used by `up`,
// rebuilds and `run` alike, so they create the same container. Decides nothing the spec did not.
import path from 'node:path';
import type { Project, Service } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { containerSpec, type ContainerSpec } from '../plan/container-spec.js';
import { inheritAnonymousVolumes } from '../plan/inherit-volumes.js';
import { remoteBindProblem } from '../plan/remote-binds.js';
import type { SecretPlacement } from '../plan/spec-secrets.js';
import { engineEndpoint } from '../runtime/engine-endpoint.js';
import { statusOf, type Runtime } from '../runtime/runtime.js';
import { stateDir } from '../runtime/process.js';
import { writeSecretFile } from '../runtime/secret-files.js';

export interface CreateOptions {
  buildHash?: string;
  /** compose's container number (plan/replicas.ts); 1 unless the service is scaled. */
  replica?: number;
  say: (line: string) => void;
  /** The container this one replaces: removed first, its anonymous volumes kept (unless renewAnonVolumes). */
  replaces?: string;
  /** `up -V/--renew-anon-volumes`: the replaced container's anonymous volumes are not carried over. */
  renewAnonVolumes?: boolean;
  /** Replace parts of the body (`run` one-offs); the spec's extra steps still apply. */
  reshape?: (spec: ContainerSpec) => Pick<ContainerSpec, 'name' | 'body' | 'connect'>;
}

/** Returns the new container's id and name. */
export async function createServiceContainer(runtime: Runtime, project: Project, svc: Service, image: string, o: CreateOptions): Promise<{ id: string; name: string }> {
  const spec = containerSpec(project, svc, image, o.buildHash, { api: await runtime.apiVersion(), secretDir: path.join(stateDir(project), 'secrets') }, o.replica);
  if (spec.refused.length > 0) {
    const r = spec.refused[0];
    throw new FoxdevError('config', `${r.path}: ${r.message}`, { hint: spec.refused.length > 1 ? `and ${spec.refused.length - 1} more like it` : undefined });
  }
  refuseRemoteBinds(svc, spec);
  for (const note of spec.notes) o.say(note);
  for (const w of spec.writes) await writeSecretFile({ ...w, content: secretContent(project, w) });
  const shaped = o.reshape ? o.reshape(spec) : spec;
  const { name, connect } = shaped;
  let body = shaped.body;
  if (o.replaces) {
    const old = o.renewAnonVolumes ? [] : (await runtime.inspectContainer(o.replaces).catch(() => undefined))?.mounts ?? [];
    // Kept volumes must outlive the old container; renewed ones go with it.
    await runtime.removeContainer(o.replaces, { volumes: o.renewAnonVolumes === true });
    body = inheritAnonymousVolumes(body, old, []);
  }
  const id = await createWithImage(runtime, svc, name, body, image, o.say);
  try {
    for (const e of connect) await runtime.connectNetwork(id, e.network, e.config);
    for (const p of spec.copies) await runtime.putFile(id, { path: p.target, content: secretContent(project, p), uid: p.uid, gid: p.gid, mode: p.mode });
  } catch (err) {
    // A half-made container would be reused by the next `up` as if it were complete.
    await runtime.removeContainer(id).catch(() => {});
    throw err;
  }
  return { id, name };
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
async function createWithImage(runtime: Runtime, svc: Service, name: string, body: Record<string, unknown>, image: string, say: (l: string) => void): Promise<string> {
  const policy = svc.build ? 'build' : String(svc.extra.pull_policy ?? 'missing');
  if (policy === 'always') await pull(runtime, image, say);
  try {
    return await runtime.createContainer(name, body);
  } catch (err) {
    if (statusOf(err) !== 404 || svc.build) throw err;
    if (policy === 'never') throw new FoxdevError('engine', `image ${image} is not available locally (pull policy: never)`, { cause: err });
    await pull(runtime, image, say);
    return runtime.createContainer(name, body);
  }
}

async function pull(runtime: Runtime, image: string, say: (l: string) => void): Promise<void> {
  say(`pulling image ${image}`);
  try {
    await runtime.pullImage(image);
  } catch (pullErr) {
    throw new FoxdevError('engine', `image ${image} is not available locally and could not be pulled: ${(pullErr as Error).message.split('\n')[0]}`, { cause: pullErr });
  }
}
