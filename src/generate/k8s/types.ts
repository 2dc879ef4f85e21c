// The small slice of the Kubernetes object model foxdev writes. Written out here (not imported from
// kubernetes-models) because src/ must not load that package at run time; the tests validate every
// object against the real schemas.
export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export type ProbeHandler =
  | { httpGet: { path: string; port: number; scheme?: 'HTTP' | 'HTTPS' } }
  | { tcpSocket: { port: number } }
  | { exec: { command: string[] } };

export type Probe = ProbeHandler & {
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  initialDelaySeconds?: number;
};

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: 'Memory'; sizeLimit?: string };
  persistentVolumeClaim?: { claimName: string };
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: Array<{ name: string; containerPort: number; protocol: 'TCP' | 'UDP' }>;
  envFrom?: Array<{ configMapRef: { name: string } } | { secretRef: { name: string } }>;
  resources: Resources;
  securityContext: Record<string, unknown>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: VolumeMount[];
}

// What a Helm user may tune for one service (values.yaml holds exactly these); see plan.ts.
export interface ServiceValues {
  image: { repository: string; tag: string; pullPolicy: string };
  replicas: number;
  resources: Resources;
  /** Plain environment → ConfigMap. */
  env: Record<string, string>;
  /** Secret-looking environment → Secret. */
  secretEnv: Record<string, string>;
  autoscaling: { enabled: boolean; minReplicas: number; maxReplicas: number; targetCPUUtilizationPercentage: number };
  podDisruptionBudget: { enabled: boolean; minAvailable: number };
}

export interface Wait {
  service: string;
  host: string;
  port: number;
}
