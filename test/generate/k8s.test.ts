import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateK8s, type K8sObject } from '../../src/generate/k8s/index.js';
import { validateObject } from './k8s-validate.js';
import { makeProject, makeService, sampleProject } from './sample-project.js';

type Obj = K8sObject & { spec?: any; data?: any; stringData?: any };
const find = (objs: K8sObject[], kind: string, name: string): Obj => {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o as Obj;
};
const kinds = (objs: K8sObject[], name: string): string[] => objs.filter((o) => o.metadata.name === name || o.metadata.name === `${name}-env`).map((o) => o.kind);
const podSpec = (o: Obj): any => o.spec.template.spec;

describe('generate k8s', () => {
  for (const env of ['dev', 'prod'] as const) {
    it(`every ${env} object validates against the Kubernetes schemas`, () => {
      const { objects } = generateK8s(sampleProject(), { env });
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects) expect(() => validateObject(o), `${o.kind} ${o.metadata.name}`).not.toThrow();
    });

    it(`${env} files match the snapshot and parse back to the same objects`, async () => {
      const { files, objects } = generateK8s(sampleProject(), { env });
      for (const f of files) await expect(f.content).toMatchFileSnapshot(`__snapshots__/k8s-${env}/${f.path}`);
      const parsed = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
      expect(parsed).toEqual(objects);
    });
  }

  it('the validator rejects a broken object (so the validation test can fail)', () => {
    const { objects } = generateK8s(sampleProject());
    const broken = structuredClone(find(objects, 'Deployment', 'api'));
    broken.spec.replicas = 'two';
    expect(() => validateObject(broken)).toThrow(/replicas/);
  });

  it('gives every pod and container the restricted security settings', () => {
    const { objects } = generateK8s(sampleProject(), { env: 'prod' });
    const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job') as Obj[];
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual(['api', 'cache', 'db', 'migrate', 'worker']);
    for (const w of workloads) {
      const pod = podSpec(w);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(c.securityContext, `${w.metadata.name}/${c.name}`).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
        expect(typeof c.securityContext.readOnlyRootFilesystem).toBe('boolean');
        expect(c.resources.requests).toHaveProperty('cpu');
        expect(c.resources.limits).toHaveProperty('memory');
        // A read-only root still has a writable /tmp.
        if (c.securityContext.readOnlyRootFilesystem && !pod.initContainers?.includes(c)) {
          expect(c.volumeMounts.map((m: any) => m.mountPath)).toContain('/tmp');
        }
      }
    }
    expect(podSpec(find(objects, 'Deployment', 'api')).containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(podSpec(find(objects, 'Deployment', 'db')).containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
  });

  it('builds a Job for one-shot services and skips host processes with a note', () => {
    const { objects, notes } = generateK8s(sampleProject());
    expect(find(objects, 'Job', 'migrate').spec.backoffLimit).toBe(2);
    expect(objects.some((o) => o.metadata.name === 'assets')).toBe(false);
    expect(notes).toContain('assets: skipped (a host process, not a container)');
  });

  it('splits environment into a ConfigMap and a Secret', () => {
    const { objects } = generateK8s(sampleProject());
    expect(find(objects, 'ConfigMap', 'api-env').data).toEqual({ LOG_LEVEL: 'info', PORT: '3000' });
    expect(find(objects, 'Secret', 'api-env').stringData).toEqual({ DATABASE_URL: 'postgres://shop:devpassword@db:5432/shop', API_TOKEN: 'dev-token' });
    expect(find(objects, 'Secret', 'db-env').stringData).toEqual({ POSTGRES_PASSWORD: 'devpassword' });
    expect(podSpec(find(objects, 'Deployment', 'api')).containers[0].envFrom).toEqual([{ configMapRef: { name: 'api-env' } }, { secretRef: { name: 'api-env' } }]);
    // No secret env → no Secret object, no secretRef.
    expect(kinds(objects, 'worker')).not.toContain('Secret');
  });

  it('turns ready probes and healthchecks into readiness, liveness and startup probes', () => {
    const c = podSpec(find(generateK8s(sampleProject()).objects, 'Deployment', 'api')).containers[0];
    // The ready probe's URL is the host's (published 8080); the cluster probes the container port.
    expect(c.readinessProbe).toMatchObject({ httpGet: { path: '/health', port: 3000 }, periodSeconds: 2 });
    expect(c.livenessProbe).toMatchObject({ exec: { command: ['node', '-e', "fetch('http://127.0.0.1:3000/health')"] }, failureThreshold: 5 });
    // Start period 20 s, 2 s apart: 10 checks plus the retries.
    expect(c.startupProbe).toMatchObject({ periodSeconds: 2, failureThreshold: 20 });
    const db = podSpec(find(generateK8s(sampleProject()).objects, 'Deployment', 'db')).containers[0];
    expect(db.readinessProbe.exec.command).toEqual(['/bin/sh', '-c', 'pg_isready -U shop']);
    const cache = podSpec(find(generateK8s(sampleProject()).objects, 'Deployment', 'cache')).containers[0];
    expect(cache.readinessProbe).toMatchObject({ tcpSocket: { port: 6379 } });
  });

  it('waits for dependencies in init containers, and says which it cannot wait for', () => {
    const { objects, notes } = generateK8s(sampleProject());
    const init = podSpec(find(objects, 'Deployment', 'api')).initContainers;
    expect(init.map((c: any) => c.name)).toEqual(['wait-for-db', 'wait-for-cache']);
    expect(init[0].command.join(' ')).toContain('nc -z -w 2 db 5432');
    expect(notes.some((n) => n.includes('migrate'))).toBe(true);
    expect(podSpec(find(objects, 'Deployment', 'cache')).initContainers).toBeUndefined();
  });

  it('admits only declared dependents in each NetworkPolicy', () => {
    const { objects } = generateK8s(sampleProject());
    const from = (name: string) => find(objects, 'NetworkPolicy', name).spec.ingress.flatMap((r: any) => (r.from ?? []).map((f: any) => f.podSelector.matchLabels['app.kubernetes.io/name']));
    expect(from('db')).toEqual(['api', 'migrate']);
    expect(from('cache')).toEqual(['api', 'worker']);
    expect(find(objects, 'NetworkPolicy', 'worker').spec.ingress).toEqual([]);
    // api's port was published by compose: open to any source on that port only.
    expect(find(objects, 'NetworkPolicy', 'api').spec.ingress).toEqual([{ ports: [{ port: 3000, protocol: 'TCP' }] }]);
  });

  it('autoscales and budgets disruptions only for stateless services in prod', () => {
    const dev = generateK8s(sampleProject(), { env: 'dev' }).objects;
    const prod = generateK8s(sampleProject(), { env: 'prod' }).objects;
    expect(dev.filter((o) => o.kind === 'HorizontalPodAutoscaler' || o.kind === 'PodDisruptionBudget')).toEqual([]);
    const scaled = prod.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name);
    expect(scaled).toEqual(['api', 'worker']);
    expect(prod.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => o.metadata.name)).toEqual(['api', 'worker']);
    expect(find(prod, 'Deployment', 'db').spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    expect(find(prod, 'HorizontalPodAutoscaler', 'api').spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
  });

  it('claims named volumes and mounts them', () => {
    const { objects } = generateK8s(sampleProject(), { volumeSize: '5Gi' });
    expect(find(objects, 'PersistentVolumeClaim', 'db-data').spec.resources.requests.storage).toBe('5Gi');
    expect(podSpec(find(objects, 'Deployment', 'db')).volumes).toContainEqual({ name: 'data-db-data', persistentVolumeClaim: { claimName: 'db-data' } });
  });

  it('takes resources from the environment, compose deploy.resources and options', () => {
    const api = (o = {}) => podSpec(find(generateK8s(sampleProject(), o).objects, 'Deployment', 'api')).containers[0].resources;
    expect(api()).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '384Mi' } });
    expect(api({ resources: { limits: { memory: '1Gi' } } }).limits).toEqual({ cpu: '500m', memory: '1Gi' });
  });

  it('names images from the prefix and tag; namespaces every object', () => {
    const { objects } = generateK8s(sampleProject(), { imagePrefix: 'registry.example.com/team/', tag: '1.4.2', namespace: 'shop-staging' });
    expect(podSpec(find(objects, 'Deployment', 'api')).containers[0].image).toBe('registry.example.com/team/shop-api:1.4.2');
    expect(podSpec(find(objects, 'Deployment', 'db')).containers[0].image).toBe('postgres:16-bookworm');
    for (const o of objects) expect(o.metadata.namespace).toBe('shop-staging');
  });

  it('takes image names and tags from the config unless flags say otherwise', () => {
    const p = makeProject([makeService('api', { image: 'registry.example.com/shop/api:3.1', build: { context: '/x', dockerfile: 'Dockerfile', args: {} } })]);
    const image = (o = {}) => podSpec(find(generateK8s(p, o).objects, 'Deployment', 'api')).containers[0].image;
    expect(image()).toBe('registry.example.com/shop/api:3.1');
    expect(image({ tag: '3.2' })).toBe('registry.example.com/shop/api:3.2');
    const untagged = makeProject([makeService('api', { image: 'shop/api', build: { context: '/x', dockerfile: 'Dockerfile', args: {} } })]);
    expect(podSpec(find(generateK8s(untagged).objects, 'Deployment', 'api')).containers[0].image).toBe('shop/api:foxdev');
  });

  it('notes what it cannot carry over', () => {
    const p = makeProject([
      makeService('api', { image: 'a:1', user: 'node', depends_on: { ghost: { condition: 'service_started', required: false, restart: false } } }),
      makeService('db', { image: 'postgres:16', volumes: [{ type: 'volume', source: 'pg', target: '/var/lib/postgresql/data', read_only: false }] }),
    ], { volumes: { pg: { name: 'shop_pg', external: false, labels: {} } } });
    const { notes } = generateK8s(p);
    expect(notes).toContain('api: does not wait for ghost (not in the project, or not in the active profiles)');
    expect(notes.some((n) => n.startsWith('api: user "node" is a name'))).toBe(true);
    expect(notes.some((n) => n.startsWith('db: set PGDATA'))).toBe(true);
  });

  it('keeps object names valid for odd service names', () => {
    const p = makeProject([makeService('My_API', { image: 'x:1', ports: [{ target: 80, protocol: 'tcp' }] })], { name: 'Demo Shop' });
    const { objects } = generateK8s(p);
    for (const o of objects) expect(() => validateObject(o)).not.toThrow();
    expect(find(objects, 'Service', 'my-api').metadata.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'demo-shop' });
  });
});
