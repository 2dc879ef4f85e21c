// PURE: the create body of a one-off container (`foxdev run`), derived from the service's own
// spec the way compose derives it: named `<project>-<service>-run-<id>`, labelled oneoff=True,
// no published ports and no service alias (so it never stands in for the service), with the
// command, entrypoint, environment, user and working dir the flags override.
import type { Project, Service } from '../config/project.js';
import { COMPOSE_ONEOFF, COMPOSE_PROJECT, COMPOSE_SERVICE } from '../names/compose-labels.js';
import { LABEL_CONFIG_HASH, LABEL_SERVICE } from '../names/labels.js';
import { containerSpec, type ContainerSpec } from './container-spec.js';

const endpoints = (body: Record<string, unknown>) => ((body.NetworkingConfig as { EndpointsConfig?: Record<string, unknown> } | undefined)?.EndpointsConfig ?? {});

export interface RunOverrides {
  command?: string[];
  entrypoint?: string[];
  env?: string[]; // K=V
  user?: string;
  workdir?: string;
  name?: string;
  tty: boolean;
  interactive: boolean;
  /** 12 hex characters; random in the CLI, fixed in tests. */
  id: string;
}

export function runSpec(project: Project, svc: Service, image: string, o: RunOverrides, spec: ContainerSpec = containerSpec(project, svc, image)): Pick<ContainerSpec, 'name' | 'body' | 'connect'> {
  const base = spec.body;
  const labels = { ...(base.Labels as Record<string, string>) };
  // Without the service label, `up`, `ps` and the verbs never take the one-off for the service.
  delete labels[LABEL_SERVICE];
  delete labels[LABEL_CONFIG_HASH];
  Object.assign(labels, { [COMPOSE_PROJECT]: project.name, [COMPOSE_SERVICE]: svc.name, [COMPOSE_ONEOFF]: 'True' });
  const env = new Map((base.Env as string[]).map((e) => [e.split('=')[0], e]));
  for (const e of o.env ?? []) env.set(e.split('=')[0], e.includes('=') ? e : `${e}=${process.env[e] ?? ''}`);
  const host = { ...(base.HostConfig as Record<string, unknown>) };
  delete host.PortBindings;
  const body: Record<string, unknown> = {
    ...base,
    Cmd: o.command?.length ? o.command : base.Cmd,
    Entrypoint: o.entrypoint ?? base.Entrypoint,
    Env: [...env.values()],
    User: o.user ?? base.User,
    WorkingDir: o.workdir ?? base.WorkingDir,
    Labels: labels,
    HostConfig: host,
    Tty: o.tty,
    OpenStdin: o.interactive,
    StdinOnce: o.interactive,
    AttachStdin: o.interactive,
    AttachStdout: true,
    AttachStderr: true,
    NetworkingConfig: { EndpointsConfig: Object.fromEntries(Object.keys(endpoints(base)).map((n) => [n, {}])) },
  };
  // A one-off joins the service's networks without its aliases; it keeps container_name's
  // absence too: compose never gives a one-off the fixed name.
  return { name: o.name ?? `${project.name}-${svc.name}-run-${o.id}`, body, connect: spec.connect.map((e) => ({ network: e.network, config: {} })) };
}
