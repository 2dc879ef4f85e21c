// PURE: the Engine API create-container body for a service, and the config hash that decides
// whether an existing container can be reused. Everything that changes the container goes into
// the hash; nothing that does not (sync rules, seed files, ready probes) does, so editing those
// never recreates a container.
import type { Project, Service } from '../config/project.js';
import { LABEL_CONFIG_HASH, LABEL_PROJECT, LABEL_SERVICE, composeLabels, containerName, networkName } from '../names/labels.js';
import { stableHash } from './stable-hash.js';

export interface ContainerSpec {
  name: string;
  body: Record<string, unknown>; // dockerode ContainerCreateOptions
  hash: string;
}

/**
 * `image` is the reference to run; for services with `build` it is foxdev's tag and `buildHash`
 * (the hash of context + build config) stands for the image content in the config hash.
 */
export function containerSpec(project: Project, svc: Service, image: string, buildHash?: string): ContainerSpec {
  const env = Object.entries(svc.environment).map(([k, v]) => `${k}=${v}`);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of svc.ports) {
    const key = `${p.target}/${p.protocol}`;
    exposed[key] = {};
    if (p.published !== undefined) {
      (bindings[key] ??= []).push({ HostIp: p.host_ip ?? '', HostPort: String(p.published) });
    }
  }
  const mounts = svc.volumes.map((m) => ({
    Type: m.type,
    Source: m.type === 'volume' ? (m.source ? (project.volumes[m.source]?.name ?? m.source) : undefined) : m.source,
    Target: m.target,
    ReadOnly: m.read_only,
  }));
  const hc = svc.healthcheck;
  const healthcheck = hc
    ? {
        Test: hc.test,
        // The engine wants nanoseconds.
        Interval: hc.intervalMs * 1e6,
        Timeout: hc.timeoutMs * 1e6,
        Retries: hc.retries,
        StartPeriod: hc.startPeriodMs * 1e6,
      }
    : undefined;
  const content = {
    image,
    buildHash,
    // The map, not the Env list: stableStringify sorts keys, so reordering environment entries
    // in the config does not count as a change.
    env: svc.environment,
    cmd: svc.command,
    entrypoint: svc.entrypoint,
    ports: svc.ports,
    mounts,
    healthcheck,
    user: svc.user,
    workdir: svc.working_dir,
    labels: svc.labels,
    stopSignal: svc.stop_signal,
    extra: svc.extra,
  };
  const hash = stableHash(content);
  const net = networkName(project.name);
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
    Labels: {
      ...svc.labels,
      ...composeLabels(project.name, svc.name, { workingDir: project.dir, configFiles: project.files }),
      [LABEL_PROJECT]: project.name,
      [LABEL_SERVICE]: svc.name,
      [LABEL_CONFIG_HASH]: hash,
    },
    HostConfig: {
      PortBindings: bindings,
      Mounts: mounts,
      // foxdev applies restart policies itself (with backoff and a visible crash-loop state).
      RestartPolicy: { Name: 'no' },
      Init: svc.extra.init === true ? true : undefined,
    },
    NetworkingConfig: { EndpointsConfig: { [net]: { Aliases: [svc.name] } } },
  };
  return { name: containerName(project.name, svc.name), body, hash };
}
