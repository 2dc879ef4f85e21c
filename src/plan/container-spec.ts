// PURE: the Engine API create-container body for a service, what must happen between create and
// start (more networks to join, secrets without a host file to copy in), and the config hash
// that decides whether an existing container can be reused. The hash covers the whole body, so
// any runtime key that changes the container recreates it; sync rules, seed files and ready
// probes are not in the body, so editing those never does. The parts live in spec-*.ts.
import type { Project, Service } from '../config/project.js';
import { LABEL_CONFIG_HASH, LABEL_PROJECT, LABEL_SERVICE, composeLabels } from '../names/labels.js';
import { COMPOSE_CONTAINER_NUMBER } from '../names/compose-labels.js';
import { mountParts } from './spec-mounts.js';
import { serviceNetworking, type Endpoint } from './spec-networks.js';
import { portParts } from './spec-ports.js';
import { containerNameOf, runtimeParts } from './spec-runtime.js';
import { placementsForHash, secretMounts, servicePlacements, type SecretPlacement } from './spec-secrets.js';
import { stableHash } from './stable-hash.js';

export interface ContainerSpec {
  name: string;
  body: Record<string, unknown>; // dockerode ContainerCreateOptions
  hash: string;
  /** Networks to connect after create, before start (the engine takes one in the body). */
  connect: Endpoint[];
  /** Secrets and configs with no host file: copied into the created container before start. */
  copies: SecretPlacement[];
  /**
   * The same, for a read-only root filesystem (the engine refuses copies into it): written to
   * these host files before create and bind-mounted read-only.
   */
  writes: Array<SecretPlacement & { hostPath: string }>;
  /** What this engine cannot do, said to the user (the rest of the container still runs). */
  notes: string[];
  /** What this engine cannot do at all: the container is not created. Key path + reason. */
  refused: Array<{ path: string; message: string }>;
}

export interface EngineFacts {
  /** The engine's API version ("1.41"); undefined means assume the newest. */
  api?: string;
  /** A private host folder for secrets a read-only container cannot receive by copy. */
  secretDir?: string;
}

/**
 * `image` is the reference to run; for services with `build` it is foxdev's tag and `buildHash`
 * (the hash of context + build config) stands for the image content in the config hash.
 */
export function containerSpec(project: Project, svc: Service, image: string, buildHash?: string, engine: EngineFacts = {}, replica = 1): ContainerSpec {
  const apiAtLeast = (v: string) => engine.api === undefined || compareApi(engine.api, v) >= 0;
  // Sorted, so reordering environment entries in the config does not count as a change.
  // A bare NAME (set nowhere) makes the engine unset the image's ENV NAME, as compose's does.
  const env = [...Object.entries(svc.environment), ...(svc.unsetEnv ?? []).map((k): [string, undefined] => [k, undefined])]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === undefined ? k : `${k}=${v}`));
  const { exposed, bindings } = portParts(svc);
  const mounts = mountParts(project, svc, apiAtLeast);
  const { placements, problems } = servicePlacements(project, svc);
  const networking = serviceNetworking(project, svc);
  const runtime = runtimeParts(project, svc);
  const hc = svc.healthcheck;
  const healthcheck = hc
    ? {
        Test: hc.test,
        // The engine wants nanoseconds.
        Interval: hc.intervalMs * 1e6,
        Timeout: hc.timeoutMs * 1e6,
        Retries: hc.retries,
        StartPeriod: hc.startPeriodMs * 1e6,
        ...(hc.startIntervalMs !== undefined ? { StartInterval: hc.startIntervalMs * 1e6 } : {}),
      }
    : undefined;
  const annotations = svc.extra.annotations as Record<string, string> | undefined;
  const body: Record<string, unknown> = {
    Image: image,
    Env: env,
    Cmd: svc.command,
    Entrypoint: svc.entrypoint,
    User: svc.user,
    WorkingDir: svc.working_dir,
    StopSignal: svc.stop_signal,
    Healthcheck: healthcheck,
    ExposedPorts: exposed,
    ...runtime.config,
    Labels: {
      ...svc.labels,
      ...composeLabels(project.name, svc.name, { workingDir: project.dir, configFiles: project.files }),
      // compose's own record of the dependencies (`name:condition:restart`), which its tools read.
      ...(Object.keys(svc.depends_on).length
        ? { 'com.docker.compose.depends_on': Object.entries(svc.depends_on).map(([n, d]) => `${n}:${d.condition}:${d.restart}`).join(',') }
        : {}),
      [LABEL_PROJECT]: project.name,
      [LABEL_SERVICE]: svc.name,
    },
    HostConfig: {
      PortBindings: bindings,
      Mounts: [...mounts.mounts, ...secretMounts(placements)],
      ...(mounts.binds.length ? { Binds: mounts.binds } : {}),
      // foxdev applies restart policies itself while it runs (backoff, a visible crash-loop state);
      // a detached up hands compose's policy to the engine (engine-restart.ts). "" is the engine's
      // "no", written as compose writes it for a service without `restart`.
      RestartPolicy: { Name: '' },
      ...(networking.mode ? { NetworkMode: networking.mode } : {}),
      ...runtime.host,
      ...(annotations ? { Annotations: annotations } : {}),
    },
    NetworkingConfig: { EndpointsConfig: networking.first ? { [networking.first.network]: networking.first.config } : {} },
    ...(typeof svc.extra.platform === 'string' ? { platform: svc.extra.platform } : {}),
  };
  const hash = stableHash({ body, buildHash, connect: networking.connect, secrets: placementsForHash(placements) });
  (body.Labels as Record<string, string>)[LABEL_CONFIG_HASH] = hash;
  // compose's own copy of it, which tools that read compose labels look for.
  (body.Labels as Record<string, string>)['com.docker.compose.config-hash'] = hash;
  // After the hash too: replicas of one service share one config, so one hash.
  (body.Labels as Record<string, string>)[COMPOSE_CONTAINER_NUMBER] = String(replica);

  // After the hash: where the engine process keeps files is not part of the container's config.
  const unfiled = placements.filter((p) => p.source.kind !== 'file');
  const readOnly = runtime.host.ReadonlyRootfs === true && engine.secretDir !== undefined;
  const writes = readOnly ? unfiled.map((p) => ({ ...p, hostPath: `${engine.secretDir}/${svc.name}/${p.kind}-${p.name}` })) : [];
  if (writes.length) (body.HostConfig as Record<string, unknown>).Binds = [...((body.HostConfig as { Binds?: string[] }).Binds ?? []), ...writes.map((w) => `${w.hostPath}:${w.target}:ro`)];
  const notes: string[] = [];
  // Newer-engine features: left out with a line rather than failing the whole container.
  if (annotations && !apiAtLeast('1.43')) {
    delete (body.HostConfig as Record<string, unknown>).Annotations;
    notes.push(`annotations not applied: they need Docker Engine API 1.43 (this engine has ${engine.api})`);
  }
  if (healthcheck && 'StartInterval' in healthcheck && !apiAtLeast('1.44')) {
    delete (healthcheck as Record<string, unknown>).StartInterval;
    notes.push(`healthcheck.start_interval not applied: it needs Docker Engine API 1.44 (this engine has ${engine.api}); the interval is used from the start`);
  }
  const refused = [...mounts.refused, ...problems.map((p) => ({ path: p.path, message: p.message }))];
  // compose's own check (moby#48874), made when the container is created, so only that service fails.
  if (hc?.startIntervalWithoutPeriod) refused.push({ path: `services.${svc.name}.healthcheck`, message: 'healthcheck.start_interval requires healthcheck.start_period to be set' });
  const name = containerNameOf(project, svc.name, replica);
  return { name, body, hash, connect: networking.connect, copies: readOnly ? [] : unfiled, writes, notes, refused };
}

function compareApi(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
