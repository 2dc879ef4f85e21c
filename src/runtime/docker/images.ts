// Image reads and removal for the compose verbs (`images`, `down --rmi`) and doctor. Errors are
// the engine's: 404 for an image that is gone, 409 for one a container still uses.
import type Docker from 'dockerode';
import type { ImageDetails } from '../container-info.js';

export async function inspectImage(docker: Docker, ref: string): Promise<ImageDetails> {
  const img = await docker.getImage(ref).inspect();
  return { repoTags: img.RepoTags ?? [], size: img.Size };
}

export async function removeImage(docker: Docker, ref: string): Promise<void> {
  await docker.getImage(ref).remove();
}
