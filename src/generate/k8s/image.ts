// The image a service runs in the cluster. Images foxdev builds get a registry prefix and tag;
// images the project pulls (postgres:16) are used as written.
import type { Project, Service } from '../../config/project.js';
import { splitImage } from './known-images.js';
import { k8sName } from './names.js';
import type { K8sOptions } from './options.js';
import type { ServiceValues } from './types.js';

export function imageOf(project: Project, service: Service, o: K8sOptions): ServiceValues['image'] {
  if (!service.build && service.image) return { ...splitImage(service.image), pullPolicy: 'IfNotPresent' };
  // Built by foxdev: the image name the config gives, else "<project>-<service>" (what foxdev up
  // tags locally); the tag from --tag, else the config's, else "foxdev" as foxdev up uses.
  const named = service.image ? splitImage(service.image) : undefined;
  const repo = named?.repository ?? `${k8sName(project.name)}-${k8sName(service.name)}`;
  const tag = o.tag ?? (named?.tag || 'foxdev');
  return { repository: o.imagePrefix ? `${o.imagePrefix.replace(/\/+$/, '')}/${repo}` : repo, tag, pullPolicy: 'IfNotPresent' };
}
