// PURE: what a reseed of one or more databases does, as operations with causes. The dashboard's
// `s` and `foxdev seed` both walk this plan (engine/seed/reseed-walk.ts); neither decides.
//
// Order: bring down the long-running services that use the data (stop for `dependents:
// restart`, pause for `pause`, nothing for `none`), dependents first; reset + seed each database;
// re-run, in dependency order, every one-shot job that depends on a reset database directly or
// through other re-run jobs (a migration builds on the seeded schema, so its work is gone too);
// then bring each long-running service back exactly once, dependencies first, each after the
// jobs it depends on completed again. A service that declares `restart: true` on a restarted one
// is restarted with it (as compose's restart does). Host processes are left alone: foxdev can
// neither pause them nor stop them from another terminal the same way.
import type { Project } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { dependencyOrder, graphOf } from './graph.js';

export type ReseedOpKind = 'stop' | 'pause' | 'reseed' | 'run-job' | 'restart' | 'resume';

export interface ReseedOp {
  op: ReseedOpKind;
  service: string;
  /** Why, for people: "depends on db: service_seeded". */
  cause: string;
  /** The database(s) whose reset this operation follows from (for progress lines). */
  by: string[];
  /** Services whose operation in this plan must have succeeded first; else this one is skipped. */
  after: string[];
  /** stop/pause only: what brings the service back when a reset fails (the old data stays). */
  undo?: ReseedOp;
}

export interface ReseedPlan {
  targets: string[];
  ops: ReseedOp[];
}

/** What runs now. Only running long-running services are brought down (and back); only known jobs re-run. */
export interface ReseedState {
  /** Per service: 'running', 'paused', 'exited', 'created'…; absent = nothing there. */
  known: Record<string, string>;
}

type Policy = 'restart' | 'pause' | 'none';
const STRENGTH: Record<Policy, number> = { none: 0, pause: 1, restart: 2 };

/**
 * @param targets database services to reset (each must declare a seed)
 * @param cause why the reseed happens, e.g. "foxdev seed" or "dashboard s"
 */
export function planReseed(project: Project, targets: string[], state: ReseedState, cause: string): ReseedPlan {
  for (const t of targets) {
    if (!project.services[t]) throw noSuchService(t, Object.keys(project.services));
    if (!project.services[t].seed) throw new FoxdevError('usage', `${t} declares no seed`);
  }
  const order = dependencyOrder(graphOf(project));
  const wanted = new Set(targets);
  const dbs = order.filter((n) => wanted.has(n));
  // Per affected service: the databases it follows from, and the strongest dependents policy among them.
  const sources = new Map<string, Set<string>>(dbs.map((d) => [d, new Set([d])]));
  const jobs = new Set<string>(); // insertion order is dependency order
  const users = new Set<string>();
  const policy = new Map<string, Policy>();
  const isJob = (n: string) => jobs.has(n);
  for (const name of order) {
    if (wanted.has(name)) continue;
    const svc = project.services[name];
    const via = Object.keys(svc.depends_on).filter((d) => wanted.has(d) || isJob(d));
    if (!via.length || !(name in state.known)) continue;
    const from = new Set(via.flatMap((d) => [...sources.get(d)!]));
    if (svc.kind === 'job') {
      jobs.add(name);
      sources.set(name, from);
    } else if (svc.kind === 'container' && state.known[name] === 'running') {
      const p = [...from].map((d) => project.services[d].seed!.dependents).reduce((a, b) => (STRENGTH[b] > STRENGTH[a] ? b : a), 'none' as Policy);
      if (p === 'none') continue;
      users.add(name);
      sources.set(name, from);
      policy.set(name, p);
    }
  }
  // `restart: true` on a restarted service: restarted with it, stopped and started in order.
  const chained = new Map<string, string[]>();
  for (const name of order) {
    const svc = project.services[name];
    if (wanted.has(name) || users.has(name) || svc.kind !== 'container' || state.known[name] !== 'running') continue;
    const on = Object.entries(svc.depends_on)
      .filter(([d, e]) => e.restart && policy.get(d) === 'restart')
      .map(([d]) => d);
    if (!on.length) continue;
    users.add(name);
    chained.set(name, on);
    sources.set(name, new Set(on.flatMap((d) => [...sources.get(d)!])));
    policy.set(name, 'restart');
  }
  const byOf = (n: string) => dbs.filter((d) => sources.get(n)!.has(d));
  const inPlan = (n: string) => wanted.has(n) || isJob(n) || users.has(n);
  const planDeps = (n: string) => Object.keys(project.services[n].depends_on).filter(inPlan);
  const comeBack = (n: string): ReseedOp => {
    const on = chained.get(n);
    return {
      op: policy.get(n) === 'pause' ? 'resume' : 'restart',
      service: n,
      cause: on ? `depends on ${on.join(', ')}, restart: true` : `depends on ${planDeps(n).join(', ')}`,
      by: byOf(n),
      after: planDeps(n),
    };
  };

  const ops: ReseedOp[] = [];
  const usersInOrder = order.filter((n) => users.has(n));
  for (const n of [...usersInOrder].reverse()) {
    const on = chained.get(n);
    const p = policy.get(n)!;
    ops.push({
      op: p === 'pause' ? 'pause' : 'stop',
      service: n,
      cause: on ? `restart: true on ${on.join(', ')}` : `${byOf(n).join(', ')} dependents: ${p}`,
      by: byOf(n),
      after: [],
      undo: { ...comeBack(n), cause: 'the reset failed; the old data stays', after: [] },
    });
  }
  for (const d of dbs) ops.push({ op: 'reseed', service: d, cause, by: [d], after: [] });
  for (const j of jobs) {
    const deps = Object.entries(project.services[j].depends_on).filter(([d]) => wanted.has(d) || isJob(d));
    ops.push({
      op: 'run-job',
      service: j,
      cause: `depends on ${deps.map(([d, e]) => `${d}: ${e.condition}`).join(', ')}`,
      by: byOf(j),
      after: deps.map(([d]) => d),
    });
  }
  for (const n of usersInOrder) ops.push(comeBack(n));
  return { targets: dbs, ops };
}

/** Stable text, one line per operation: "run-job migrate (depends on db: service_seeded)". */
export function formatReseedPlan(plan: ReseedPlan): string {
  return plan.ops.map((o) => `${o.op} ${o.service} (${o.cause})`).join('\n');
}
