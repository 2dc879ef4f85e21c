// `foxdev down --rmi local|all`: after the containers are gone, remove the services' images, as
// compose does. `local`: only the images without a custom tag, i.e. the ones foxdev built for a
// service with `build` and no `image`; `all`: every image the services use too. An image already
// gone is skipped; one another container still uses is named and kept.
import type { Project } from '../../config/project.js';
import { imageName } from '../../names/labels.js';
import type { Runtime } from '../../runtime/runtime.js';

export type RmiMode = 'local' | 'all';

/** Pure: the images `down --rmi` removes, each once, in service order. */
export function imagesToRemove(project: Project, mode: RmiMode): string[] {
  const out = new Set<string>();
  for (const s of Object.values(project.services)) {
    if (s.kind === 'process') continue;
    if (s.build && !s.image) out.add(imageName(project.name, s));
    else if (mode === 'all' && s.image) out.add(s.image);
  }
  return [...out];
}

export async function removeImages(runtime: Runtime, images: string[], say: (l: string) => void): Promise<{ removed: string[]; kept: string[] }> {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const image of images) {
    try {
      await runtime.removeImage(image);
      removed.push(image);
      say(`removed image ${image}`);
    } catch (err) {
      const e = err as { statusCode?: number; json?: { message?: string }; message?: string };
      if (e.statusCode === 404) continue;
      kept.push(image);
      say(`kept image ${image}: ${String(e.json?.message ?? e.message).replace(/\s+/g, ' ')}`);
    }
  }
  return { removed, kept };
}
