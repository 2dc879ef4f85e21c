// depends_on as init containers: each waits until its dependency's Service accepts TCP
// connections. busybox has sh and nc; the loop gives up only when the pod is deleted, like compose
// waiting on a dependency. They run as nobody with the same restricted settings as the app.
import { containerSecurityContext } from './security.js';
import type { K8sOptions } from './options.js';
import type { Wait } from './types.js';
import type { Container } from './types.js';

export function waitContainers(waits: Wait[], o: K8sOptions): Container[] {
  return waits.map((w) => ({
    name: `wait-for-${w.host}`.slice(0, 63),
    image: o.waitImage,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', `until nc -z -w 2 ${w.host} ${w.port}; do echo "waiting for ${w.host}:${w.port}"; sleep 2; done`],
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
    securityContext: containerSecurityContext(true, 65534),
  }));
}
