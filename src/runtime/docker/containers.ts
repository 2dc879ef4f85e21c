// Container lifecycle calls. No decisions here: the engine decides, this file only asks.
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import { FoxdevError } from '../../errors.js';
import { LABEL_CONFIG_HASH, LABEL_PROJECT, LABEL_SERVICE } from '../../names/labels.js';

export interface ProjectContainer {
  id: string;
  name: string;
  service: string;
  hash: string;
  running: boolean;
  state: string; // created | running | exited | ...
  status: string; // "Up 3 minutes (healthy)"
  labels: Record<string, string>;
  /** `ip`: the host address a published port is bound to (0.0.0.0, ::, 127.0.0.1). */
  ports: Array<{ published?: number; target: number; protocol: string; ip?: string }>;
  /** compose's container number (the replica), 1 for containers without the label. */
  number: number;
  /** The networks it is attached to, by name (a stopped container keeps them). */
  networks: string[];
}

/** The label filter that finds a project's containers. */
export const projectLabelFilter = (project: string): string[] => [`${LABEL_PROJECT}=${project}`];

export async function listProjectContainers(docker: Docker, project: string): Promise<ProjectContainer[]> {
  const list = await docker.listContainers({ all: true, filters: { label: projectLabelFilter(project) } });
  return list.map(projectContainerFrom);
}

/** One entry of the engine's container list (dockerode's or engine-http's, the same JSON). */
export function projectContainerFrom(c: Docker.ContainerInfo): ProjectContainer {
  return {
    id: c.Id,
    name: (c.Names[0] ?? '').replace(/^\//, ''),
    service: c.Labels[LABEL_SERVICE] ?? '',
    hash: c.Labels[LABEL_CONFIG_HASH] ?? '',
    running: c.State === 'running',
    state: c.State,
    status: c.Status,
    labels: c.Labels,
    ports: c.Ports.map((p) => ({ published: p.PublicPort, target: p.PrivatePort, protocol: p.Type, ...(p.IP ? { ip: p.IP } : {}) })),
    number: Number(c.Labels['com.docker.compose.container-number'] ?? 1) || 1,
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
  };
}

/**
 * Create a container, replacing one of the same project and service left with the same name (a
 * foxdev killed mid-start). A name held by anything else (a fixed `container_name` that another
 * project or a hand-made container uses) is never removed: that is compose's conflict error.
 */
export async function createContainer(docker: Docker, name: string, body: Record<string, unknown>): Promise<Docker.Container> {
  try {
    return await docker.createContainer({ ...body, name } as Docker.ContainerCreateOptions);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 409) throw err;
    const existing = await docker.getContainer(name).inspect();
    const labels = (body.Labels ?? {}) as Record<string, string>;
    const ours = existing.Config.Labels?.[LABEL_PROJECT] === labels[LABEL_PROJECT] && existing.Config.Labels?.[LABEL_SERVICE] === labels[LABEL_SERVICE];
    if (!ours)
      throw new FoxdevError('engine', `the container name "/${name}" is already in use by container "${existing.Id.slice(0, 12)}"`, {
        hint: 'remove (or rename) that container to be able to reuse that name, or change container_name',
      });
    await docker.getContainer(name).remove({ force: true });
    return docker.createContainer({ ...body, name } as Docker.ContainerCreateOptions);
  }
}

/** Join one more network before start (the create body takes only one on API < 1.44). */
export async function connectNetwork(docker: Docker, id: string, network: string, endpoint: Record<string, unknown>): Promise<void> {
  await docker.getNetwork(network).connect({ Container: id, EndpointConfig: endpoint });
}

/** Take a container (running or not) off a network; Force, as the endpoint may be half gone. */
export async function disconnectNetwork(docker: Docker, id: string, network: string): Promise<void> {
  await docker.getNetwork(network).disconnect({ Container: id, Force: true });
}

/** Write one file into a created (not yet started) container, with its owner and mode. */
export async function putFile(docker: Docker, id: string, file: { path: string; content: string; uid: number; gid: number; mode: number }): Promise<void> {
  const tar = pack();
  tar.entry({ name: file.path.replace(/^\/+/, ''), mode: file.mode, uid: file.uid, gid: file.gid }, file.content);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const c of tar) chunks.push(c as Buffer);
  await docker.getContainer(id).putArchive(Buffer.concat(chunks), { path: '/' });
}

/** Stop with the container's stop signal, kill after `graceMs`. Already stopped is fine. */
export async function stopContainer(docker: Docker, id: string, graceMs: number): Promise<void> {
  try {
    await docker.getContainer(id).stop({ t: Math.max(0, Math.ceil(graceMs / 1000)) });
  } catch (err) {
    const code = (err as { statusCode?: number }).statusCode;
    if (code !== 304 && code !== 404) throw err; // 304: not running, 404: gone
  }
}

/** Change a container's restart policy in place (the engine applies it from its next exit). */
export async function setRestartPolicy(docker: Docker, id: string, policy: { Name: string; MaximumRetryCount: number }): Promise<void> {
  await docker.getContainer(id).update({ RestartPolicy: policy });
}

/** Remove with force; anonymous volumes go too only when asked (`run --rm`, `down -v`). */
export async function removeContainer(docker: Docker, id: string, opts: { volumes?: boolean } = {}): Promise<void> {
  // An anonymous volume a recreate carried over is mounted by name, so the engine's `v` no longer
  // counts it as the container's own: those (64-hex names) are removed after, unless still in use.
  const anonymous = opts.volumes
    ? ((await docker.getContainer(id).inspect().catch(() => undefined))?.Mounts ?? []).map((m) => m.Name ?? '').filter((n) => /^[0-9a-f]{64}$/.test(n))
    : [];
  try {
    await docker.getContainer(id).remove({ force: true, v: opts.volumes === true });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
  for (const name of anonymous) await docker.getVolume(name).remove().catch(() => undefined); // gone already, or used by another container
}

/**
 * Containers carrying every one of `labels`, in the engine's order: running (and paused) ones, all
 * with `all`; `status` narrows to those states (status=running leaves paused ones out).
 */
export async function listContainersByLabel(docker: Docker, labels: string[], opts: { all?: boolean; status?: string[] } = {}): Promise<ProjectContainer[]> {
  const filters: Record<string, string[]> = { label: labels };
  if (opts.status) filters.status = opts.status;
  const list = await docker.listContainers({ ...(opts.all ? { all: true } : {}), filters });
  return list.map(projectContainerFrom);
}

/** Send a signal (compose's `kill -s`); the engine's errors (409: not running) pass through. */
export async function signalContainer(docker: Docker, id: string, signal: string): Promise<void> {
  await docker.getContainer(id).kill({ signal });
}
