// Networks and volumes: created once per project, found and removed by label.
import type Docker from 'dockerode';
import { LABEL_PROJECT } from '../../names/labels.js';

export async function ensureNetwork(docker: Docker, project: string, name: string): Promise<void> {
  const existing = await docker.listNetworks({ filters: { name: [name] } });
  if (existing.some((n) => n.Name === name)) return;
  try {
    await docker.createNetwork({ Name: name, Driver: 'bridge', Labels: { [LABEL_PROJECT]: project }, CheckDuplicate: true });
  } catch (err) {
    // Two foxdev commands racing: the other one made it, which is what we wanted.
    if ((err as { statusCode?: number }).statusCode !== 409) throw err;
  }
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
