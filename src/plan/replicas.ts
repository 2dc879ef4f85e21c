// PURE: how many containers a service runs (compose's `scale`, `deploy.replicas`, `up --scale`)
// and what each one is called. A service with one container keeps its own name in the session
// (store rows, log prefixes, `restart api`); with more, each replica is a unit `<service>-<n>`,
// numbered from 1 as compose numbers its containers (`<project>-<service>-<n>`).
import type { Project, Service } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';

/** The replica count asked for: --scale first, then `scale`, then `deploy.replicas`, else 1. */
export function replicasOf(svc: Service, overrides: Record<string, number> = {}): number {
  if (overrides[svc.name] !== undefined) return overrides[svc.name];
  if (svc.kind === 'process') return 1;
  const raw = svc.extra.scale ?? (svc.extra.deploy as Record<string, unknown> | undefined)?.replicas;
  const n = raw === undefined ? 1 : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}

/** The session's name for replica `n` of a service that runs `count` of them. */
export function unitName(service: string, n: number, count: number): string {
  return count === 1 ? service : `${service}-${n}`;
}

export interface Replica {
  number: number;
  hash: string;
  running: boolean;
}

/**
 * Which container numbers a service runs with `count` replicas, given the ones it has: scaling
 * down keeps the up-to-date ones first (the config hash matches), then the running ones, then the
 * lowest numbers, and removes the rest; scaling up adds numbers after the highest, as compose does.
 */
export function pickReplicas<T extends Replica>(existing: T[], count: number, hash: string | undefined): { numbers: number[]; remove: T[] } {
  const ranked = [...existing].sort((a, b) => Number(a.hash !== hash) - Number(b.hash !== hash) || Number(!a.running) - Number(!b.running) || a.number - b.number);
  const kept = ranked.slice(0, count);
  let next = Math.max(0, ...existing.map((c) => c.number));
  const numbers = kept.map((c) => c.number);
  while (numbers.length < count) numbers.push(++next);
  return { numbers: numbers.sort((a, b) => a - b), remove: ranked.slice(count).sort((a, b) => b.number - a.number) };
}

/** The key an observed container is filed under: the service for container 1, `<service>#<n>` after. */
export function replicaKey(service: string, n: number): string {
  return n === 1 ? service : `${service}#${n}`;
}

/** `--scale web=3` values, checked against the project. */
export function parseScaleFlags(project: Project, values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([^=]+)=(\d+)$/.exec(v);
    if (!m) throw new FoxdevError('usage', `--scale ${v}: expected SERVICE=NUMBER, e.g. --scale web=3`);
    const svc = project.services[m[1]];
    if (!svc) throw noSuchService(m[1], Object.keys(project.services), { prefix: `--scale ${v}: ` });
    if (svc.kind === 'process' && Number(m[2]) !== 1) throw new FoxdevError('usage', `--scale ${v}: ${m[1]} is a host process; it runs once`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/**
 * What stops a service from running `count` containers side by side, as compose says it: a fixed
 * container name, or a fixed host port that only one of them can hold.
 */
export function scaleConflict(project: Project, svc: Service, count: number): string | undefined {
  if (count <= 1) return undefined;
  if (typeof svc.extra.container_name === 'string')
    return `services.${svc.name}: container_name "${svc.extra.container_name}" names one container; remove it to run ${count} replicas (compose refuses this too)`;
  const fixed = svc.ports.find((p) => p.published !== undefined && (p.publishedEnd === undefined || p.publishedEnd - p.published + 1 < count));
  if (fixed?.published !== undefined)
    return `services.${svc.name}: host port ${fixed.published} can be published by one container only; use a range (e.g. "${fixed.published}-${fixed.published + count - 1}:${fixed.target}") or no host port to run ${count} replicas`;
  for (const n of Array.from({ length: count }, (_, i) => i + 1)) {
    const unit = unitName(svc.name, n, count);
    if (unit !== svc.name && project.services[unit]) return `services.${svc.name}: replica ${n} would be called ${unit}, which is already a service; rename one of them`;
  }
  return undefined;
}
