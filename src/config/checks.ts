// Checks across services that no schema can express: dependencies that name nothing, cycles,
// a host port published twice, references to undeclared volumes, networks and secrets, services
// with nothing to run. Pure. (Sync paths outside the project are checked per service, in
// resolve-service.ts, where it is known whether a rule came from develop.watch.)
import type { Problem } from '../errors.js';
import { buildGraph, findCycles, formatCycle } from './dependency-graph.js';
import { didYouMean } from './did-you-mean.js';
import { parseDuration } from './duration.js';
import { formatPath, type Segment } from './keypath.js';
import type { Service } from './project.js';

export interface CheckContext {
  /** Every service defined, enabled or not, with its profiles. */
  defined: Record<string, string[]>;
  volumes: string[];
  networks: string[];
  secrets: string[];
  configs: string[];
  /** Services that already have a reported problem: consequences of it are not repeated. */
  flagged?: Set<string>;
}

type Found = Problem & { segments: Segment[] };

export function checkServices(services: Record<string, Service>, ctx: CheckContext): Found[] {
  const out: Found[] = [];
  const add = (segments: Segment[], message: string) => out.push({ segments, path: formatPath(segments), message });
  const names = Object.keys(services);
  const publishers: Array<{ service: string; index: number; ip: string; port: number; end: number; protocol: string }> = [];

  for (const [name, s] of Object.entries(services)) {
    if (s.kind !== 'process' && !s.image && !s.build && !ctx.flagged?.has(name))
      add(['services', name], 'has neither "image" nor "build" (nor foxdev "run"); nothing to start');

    for (const [dep, d] of Object.entries(s.depends_on)) {
      // Object.hasOwn, not `in`: a dependency named __proto__, constructor or toString is not a service.
      if (Object.hasOwn(services, dep)) {
        // Waiting for a seed or a ready probe the dependency does not have would silently mean
        // "started": refused at the condition's line.
        const at = ['services', name, 'depends_on', dep, 'condition'];
        // service_healthy on a dependency nothing measures is compose's start-time error
        // (engine/gates.ts), not a load error: `config` prints such a file, `up` of other services runs.
        if (d.condition === 'service_seeded' && !services[dep].seed)
          add(at, `dependency "${dep}" has no seed (condition: service_seeded)`);
        else if (d.condition === 'service_ready' && services[dep].ready.length === 0)
          add(at, `dependency "${dep}" has no ready probe (condition: service_ready)`);
        continue;
      }
      if (!d.required) continue; // compose: an optional dependency may be missing or disabled
      if (Object.hasOwn(ctx.defined, dep))
        add(['services', name, 'depends_on', dep], `depends on "${dep}", which is not enabled (profiles: ${ctx.defined[dep].join(', ')})`);
      else if (d.implicit) add(['services', name, d.implicit], `${d.implicit} names service "${dep}", which is not a service of this project${didYouMean(dep, names)}`);
      else add(['services', name, 'depends_on', dep], `depends on "${dep}", which is not a service${didYouMean(dep, names)}`);
    }

    checkRestartPolicy(s, (keys, message) => add(['services', name, 'deploy', 'restart_policy', ...keys], message));

    s.ports.forEach((p, index) => {
      if (p.published === undefined) return;
      const me = { service: name, index, ip: p.host_ip ?? '', port: p.published, end: p.publishedEnd ?? p.published, protocol: p.protocol };
      // A port range lets the engine pick any free port in it, so only single ports can clash.
      const clash = me.end === me.port && publishers.find((o) => o.end === o.port && o.port === me.port && o.protocol === me.protocol && sameHost(o.ip, me.ip));
      if (clash)
        add(['services', name, 'ports', index], `host port ${me.port}/${me.protocol} is already published by service "${clash.service}" (${formatPath(['services', clash.service, 'ports', clash.index])})`);
      else publishers.push(me);
    });

    s.volumes.forEach((v, i) => {
      if (v.type === 'volume' && v.source && !ctx.volumes.includes(v.source))
        add(['services', name, 'volumes', i], `uses volume "${v.source}", which is not declared under top-level "volumes"${didYouMean(v.source, ctx.volumes)}`);
    });
    for (const n of s.networks)
      if (n !== 'default' && !ctx.networks.includes(n))
        add(['services', name, 'networks', n], `uses network "${n}", which is not declared under top-level "networks"${didYouMean(n, ctx.networks)}`);
    for (const kind of ['secrets', 'configs'] as const) {
      const declared = ctx[kind];
      const refs = Array.isArray(s.extra[kind]) ? (s.extra[kind] as Array<{ source?: unknown }>) : [];
      refs.forEach((r, i) => {
        const src = String(r.source);
        if (!declared.includes(src))
          add(['services', name, kind, i], `uses ${kind.slice(0, -1)} "${src}", which is not declared under top-level "${kind}"${didYouMean(src, declared)}`);
      });
    }
  }

  for (const cycle of findCycles(buildGraph(Object.fromEntries(Object.entries(services).map(([n, s]) => [n, Object.keys(s.depends_on)])))))
    add(['services', cycle[0], 'depends_on', cycle[1]], `dependency cycle: ${formatCycle(cycle)}`);
  return out;
}

/** foxdev applies deploy.restart_policy itself (plan/backoff.ts), so what it cannot read is an error. */
function checkRestartPolicy(s: Service, add: (keys: Segment[], message: string) => void): void {
  const deploy = s.extra.deploy as Record<string, unknown> | undefined;
  const policy = deploy && typeof deploy === 'object' ? (deploy.restart_policy as Record<string, unknown> | undefined) : undefined;
  if (!policy || typeof policy !== 'object') return;
  if (policy.condition !== undefined && !['none', 'on-failure', 'any'].includes(String(policy.condition)))
    add(['condition'], `expected "none", "on-failure" or "any", got ${JSON.stringify(policy.condition)}`);
  for (const key of ['delay', 'window'])
    if (policy[key] !== undefined && parseDuration(policy[key] as string | number) === undefined)
      add([key], `expected a duration such as "500ms", "2s" or "1m30s", got ${JSON.stringify(policy[key])}`);
  if (policy.max_attempts !== undefined && !(Number.isInteger(Number(policy.max_attempts)) && Number(policy.max_attempts) >= 0))
    add(['max_attempts'], `expected a whole number, got ${JSON.stringify(policy.max_attempts)}`);
}

function sameHost(a: string, b: string): boolean {
  const any = (ip: string) => ip === '' || ip === '0.0.0.0' || ip === '::';
  return a === b || any(a) || any(b);
}
