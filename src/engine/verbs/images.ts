// `foxdev images`: the image each of the project's service containers runs, as compose lists
// them: container, repository, tag, short id, size (stopped containers too).
import type { Project } from '../../config/project.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';

export interface ImageRow {
  ID: string;
  ContainerName: string;
  Repository: string;
  Tag: string;
  Size: number;
}

export async function projectImages(runtime: Runtime, project: Project, names: string[]): Promise<ImageRow[]> {
  const containers = await serviceContainers(runtime, project, names);
  const rows: ImageRow[] = [];
  for (const c of containers.sort((a, b) => a.name.localeCompare(b.name))) {
    const info = await runtime.inspectContainer(c.id);
    const img = await runtime.inspectImage(info.imageId).catch(() => undefined);
    const [Repository, Tag] = splitRef(pickTag(info.configuredImage, img?.repoTags ?? []));
    rows.push({ ID: info.imageId, ContainerName: c.name, Repository, Tag, Size: img?.size ?? 0 });
  }
  return rows;
}

/** The name the container was created from when the image still carries it, else its first tag. */
export function pickTag(configured: string, repoTags: string[]): string | undefined {
  const full = configured.includes(':') && !configured.endsWith(']') ? configured : `${configured}:latest`;
  return repoTags.find((t) => t === configured || t === full) ?? repoTags[0];
}

/** `repo:tag` → [repo, tag]; a registry port (`host:5000/x`) is not a tag. */
export function splitRef(ref: string | undefined): [string, string] {
  if (!ref) return ['<none>', '<none>'];
  const i = ref.lastIndexOf(':');
  if (i < 0 || ref.slice(i).includes('/')) return [ref, 'latest'];
  return [ref.slice(0, i), ref.slice(i + 1)];
}

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
