// PURE: the create body of a one-off container (`foxdev run`), derived from the service's own
// spec the way compose derives it: named `<project>-<service>-run-<id>`, labelled oneoff=True,
// no published ports (unless --service-ports, or the --publish ones) and no service alias (so it
// never stands in for the service; --use-aliases gives it the service's), with the command, entrypoint, environment, user, working
// dir, labels, binds (-v) and capabilities the flags override, as compose's `run` does.
import type { Project, Service } from '../config/project.js';
import { COMPOSE_CONTAINER_NUMBER, COMPOSE_ONEOFF, COMPOSE_PROJECT, COMPOSE_SERVICE } from '../names/compose-labels.js';
import { LABEL_CONFIG_HASH, LABEL_SERVICE } from '../names/labels.js';
import { containerSpec, type ContainerSpec } from './container-spec.js';
import { nameSeparator } from './compose-vars.js';

const endpoints = (body: Record<string, unknown>) => ((body.NetworkingConfig as { EndpointsConfig?: Record<string, unknown> } | undefined)?.EndpointsConfig ?? {});

export interface RunOverrides {
  command?: string[];
  entrypoint?: string[];
  env?: string[]; // K=V
  user?: string;
  workdir?: string;
  name?: string;
  /** -l K=V: labels added over the service's. */
  labels?: string[];
  /** -v HOST:CONTAINER[:MODE]: extra binds. */
  volumes?: string[];
  /** --service-ports: publish the service's own ports. */
  servicePorts?: boolean;
  /** -p: ports to publish instead (already parsed). */
  publish?: Array<{ target: number; protocol: string; published?: number; publishedEnd?: number; host_ip?: string }>;
  capAdd?: string[];
  capDrop?: string[];
  /** run --rm -d: the engine removes it when it exits. */
  autoRemove?: boolean;
  /** --use-aliases: join the networks with the service's aliases, as the service's own containers do. */
  useAliases?: boolean;
  tty: boolean;
  interactive: boolean;
  /**
   * run -d: stdin is opened though nobody attaches, as compose does (its -i is on by default), so
   * a command that reads stdin (`run -d svc cat`) waits on it instead of ending at once.
   */
  openStdin?: boolean;
  /** 12 hex characters; random in the CLI, fixed in tests. */
  id: string;
}

export function runSpec(project: Project, svc: Service, image: string, o: RunOverrides, spec: ContainerSpec = containerSpec(project, svc, image)): Pick<ContainerSpec, 'name' | 'body' | 'connect'> {
  const base = spec.body;
  const labels = { ...(base.Labels as Record<string, string>) };
  // Without the service label, `up`, `ps` and the verbs never take the one-off for the service.
  delete labels[LABEL_SERVICE];
  delete labels[LABEL_CONFIG_HASH];
  // compose numbers only the service's own containers: `exec --index 1` never lands in a one-off.
  delete labels[COMPOSE_CONTAINER_NUMBER];
  Object.assign(labels, { [COMPOSE_PROJECT]: project.name, [COMPOSE_SERVICE]: svc.name, [COMPOSE_ONEOFF]: 'True' });
  const env = new Map((base.Env as string[]).map((e) => [e.split('=')[0], e]));
  for (const e of o.env ?? []) if (e.includes('=')) env.set(e.split('=')[0], e); // the CLI resolved a bare KEY (or left it out)
  for (const l of o.labels ?? []) {
    const at = l.indexOf('=');
    labels[at < 0 ? l : l.slice(0, at)] = at < 0 ? '' : l.slice(at + 1);
  }
  const host = { ...(base.HostConfig as Record<string, unknown>) };
  let exposed = base.ExposedPorts as Record<string, object> | undefined;
  if (!o.servicePorts) delete host.PortBindings;
  if (o.publish?.length) {
    const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
    exposed = { ...exposed };
    for (const p of o.publish) {
      const key = `${p.target}/${p.protocol}`;
      exposed[key] = {};
      const hostPort = p.published === undefined ? '' : p.publishedEnd !== undefined ? `${p.published}-${p.publishedEnd}` : String(p.published);
      (bindings[key] ??= []).push({ HostIp: p.host_ip ?? '', HostPort: hostPort });
    }
    host.PortBindings = bindings;
  }
  if (o.volumes?.length) host.Binds = [...((host.Binds as string[] | undefined) ?? []), ...o.volumes];
  if (o.capAdd?.length) host.CapAdd = [...((host.CapAdd as string[] | undefined) ?? []), ...o.capAdd];
  if (o.autoRemove) host.AutoRemove = true;
  if (o.capDrop?.length) host.CapDrop = [...((host.CapDrop as string[] | undefined) ?? []), ...o.capDrop];
  const body: Record<string, unknown> = {
    ...base,
    Cmd: o.command?.length ? o.command : base.Cmd,
    Entrypoint: o.entrypoint ?? base.Entrypoint,
    Env: [...env.values()],
    User: o.user ?? base.User,
    WorkingDir: o.workdir ?? base.WorkingDir,
    Labels: labels,
    ...(exposed ? { ExposedPorts: exposed } : {}),
    HostConfig: host,
    Tty: o.tty,
    OpenStdin: o.interactive || o.openStdin === true,
    StdinOnce: o.interactive || o.openStdin === true,
    AttachStdin: o.interactive || o.openStdin === true,
    AttachStdout: true,
    AttachStderr: true,
    NetworkingConfig: { EndpointsConfig: o.useAliases ? endpoints(base) : Object.fromEntries(Object.keys(endpoints(base)).map((n) => [n, {}])) },
  };
  // A one-off joins the service's networks without its aliases (unless --use-aliases); it keeps
  // container_name's absence too: compose never gives a one-off the fixed name.
  const connect = o.useAliases ? spec.connect : spec.connect.map((e) => ({ network: e.network, config: {} }));
  const sep = nameSeparator(project);
  return { name: o.name ?? [project.name, svc.name, 'run', o.id].join(sep), body, connect };
}
