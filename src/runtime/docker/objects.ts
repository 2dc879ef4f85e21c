// Networks and volumes: created once per project, found and removed by label.
import type Docker from 'dockerode';
import { LABEL_PROJECT } from '../../names/labels.js';

/**
 * Create a network from a body made by plan/networks.ts unless one of that name exists (another
 * foxdev, or an earlier up, made it). Returns whether it was created.
 */
export async function createNetworkIfMissing(docker: Docker, body: Record<string, unknown>): Promise<boolean> {
  const name = String(body.Name);
  if (await networkExists(docker, name)) return false;
  try {
    await docker.createNetwork(body as unknown as Docker.NetworkCreateOptions);
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 409) return false; // a racing foxdev made it
    throw err;
  }
}

/** The engine filters networks by name as a substring: compare the exact name. */
export async function networkExists(docker: Docker, name: string): Promise<boolean> {
  const existing = await docker.listNetworks({ filters: { name: [name] } });
  return existing.some((n) => n.Name === name);
}

/** Volume names (engine-side) that do not exist yet. */
export async function missingVolumes(docker: Docker, names: string[]): Promise<string[]> {
  const { Volumes } = await docker.listVolumes();
  const have = new Set((Volumes ?? []).map((v) => v.Name));
  return names.filter((n) => !have.has(n));
}

export async function createVolume(docker: Docker, project: string, name: string, labels: Record<string, string>): Promise<void> {
  await docker.createVolume({ Name: name, Labels: { ...labels, [LABEL_PROJECT]: project } });
}

/** A network's labels, or undefined when there is no network of that exact name. */
export async function networkLabels(docker: Docker, name: string): Promise<Record<string, string> | undefined> {
  const existing = await docker.listNetworks({ filters: { name: [name] } });
  const n = existing.find((x) => x.Name === name);
  return n ? (n.Labels ?? {}) : undefined;
}

/** Remove one network by name; gone already is fine. */
export async function removeNetwork(docker: Docker, name: string): Promise<void> {
  try {
    await docker.getNetwork(name).remove();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
}

export async function removeProjectNetworks(docker: Docker, project: string): Promise<string[]> {
  const nets = await docker.listNetworks({ filters: { label: [`${LABEL_PROJECT}=${project}`] } });
  for (const n of nets) await docker.getNetwork(n.Id).remove().catch(() => {});
  return nets.map((n) => n.Name);
}

export async function removeProjectVolumes(docker: Docker, project: string): Promise<string[]> {
  const { Volumes } = await docker.listVolumes({ filters: { label: [`${LABEL_PROJECT}=${project}`] } });
  for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove();
  return (Volumes ?? []).map((v) => v.Name);
}
