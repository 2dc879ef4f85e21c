// Choices for `foxdev generate k8s|helm`, and the per-environment defaults behind them. dev is one
// small replica per service; prod runs two, autoscales and keeps one up through disruptions.
import type { Resources } from './types.js';

export type TargetEnv = 'dev' | 'prod';

export interface K8sOptions {
  env: TargetEnv;
  namespace: string;
  /** Registry and path prepended to images foxdev builds, e.g. "registry.example.com/team". */
  imagePrefix?: string;
  /** Tag for images foxdev builds; else the tag the config's `image:` gives, else "foxdev". */
  tag?: string;
  /** Overrides the environment's replica count for scalable services. */
  replicas?: number;
  /** Overrides parts of the environment's default requests/limits. */
  resources?: { requests?: Partial<Resources['requests']>; limits?: Partial<Resources['limits']> };
  /** Size of each PersistentVolumeClaim. */
  volumeSize: string;
  /** Image of the init containers that wait for dependencies (needs sh and nc). */
  waitImage: string;
}

export interface EnvDefaults {
  replicas: number;
  resources: Resources;
  autoscaling: { enabled: boolean; maxFactor: number; targetCPUUtilizationPercentage: number };
  pdb: boolean;
}

export const ENV_DEFAULTS: Record<TargetEnv, EnvDefaults> = {
  dev: {
    replicas: 1,
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    autoscaling: { enabled: false, maxFactor: 3, targetCPUUtilizationPercentage: 75 },
    pdb: false,
  },
  prod: {
    replicas: 2,
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    autoscaling: { enabled: true, maxFactor: 3, targetCPUUtilizationPercentage: 75 },
    pdb: true,
  },
};

export function k8sOptions(partial: Partial<K8sOptions> = {}): K8sOptions {
  return {
    env: 'dev',
    namespace: 'default',
    volumeSize: '1Gi',
    waitImage: 'busybox:1.36',
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
}
