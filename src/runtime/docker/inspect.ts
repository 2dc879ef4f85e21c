// Reads for the compose verbs (port, images, top, the exit code up reports, doctor): inspect a
// container, its processes, and the engine's version, in runtime/container-info.ts's shapes. No
// decisions: errors are the engine's (statusCode 404 for a missing object).
import type Docker from 'dockerode';
import type { ContainerDetails, EngineVersion, ProcessTable } from '../container-info.js';

export async function inspectContainer(docker: Docker, id: string): Promise<ContainerDetails> {
  const info = await docker.getContainer(id).inspect();
  const ports: ContainerDetails['ports'] = {};
  for (const [key, bindings] of Object.entries(info.NetworkSettings.Ports ?? {})) {
    ports[key] = bindings ? bindings.map((b) => ({ hostIp: b.HostIp, hostPort: b.HostPort })) : null;
  }
  const mounts = (info.Mounts ?? []).map((m) => ({ type: String(m.Type), name: m.Name || undefined, destination: m.Destination }));
  return { imageId: info.Image, configuredImage: info.Config.Image, running: info.State.Running, exitCode: info.State.ExitCode, ports, mounts };
}

export async function engineVersion(docker: Docker): Promise<EngineVersion> {
  const v = (await docker.version()) as { Version: string; ApiVersion: string; Os: string; Arch: string };
  return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
}

export async function topContainer(docker: Docker, id: string): Promise<ProcessTable> {
  const top = (await docker.getContainer(id).top()) as { Titles?: string[]; Processes?: string[][] };
  return { titles: top.Titles ?? [], processes: top.Processes ?? [] };
}
