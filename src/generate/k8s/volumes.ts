// Pod volumes and mounts. Named volumes become claims, tmpfs and anonymous volumes emptyDirs, bind
// mounts are dropped (plan.ts notes them). A read-only root filesystem still needs somewhere to
// write temporary files, hence an emptyDir on /tmp unless a mount already covers it.
import { k8sName } from './names.js';
import type { ServicePlan } from './plan.js';
import type { Volume, VolumeMount } from './types.js';

export function podVolumes(plan: ServicePlan): { volumes: Volume[]; mounts: VolumeMount[] } {
  const volumes: Volume[] = [];
  const mounts: VolumeMount[] = [];
  plan.service.volumes.forEach((m, i) => {
    if (m.type === 'bind') return;
    const claim = m.type === 'volume' && m.source && plan.claims.includes(m.source) ? m.source : undefined;
    const name = claim ? k8sName(`data-${claim}`) : `scratch-${i}`;
    if (!volumes.some((v) => v.name === name)) {
      volumes.push(claim ? { name, persistentVolumeClaim: { claimName: k8sName(claim) } } : { name, emptyDir: m.type === 'tmpfs' ? { medium: 'Memory' } : {} });
    }
    mounts.push({ name, mountPath: m.target, ...(m.read_only ? { readOnly: true } : {}) });
  });
  if (plan.readOnlyRoot && !mounts.some((m) => m.mountPath === '/tmp')) {
    volumes.push({ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } });
    mounts.push({ name: 'tmp', mountPath: '/tmp' });
  }
  return { volumes, mounts };
}
