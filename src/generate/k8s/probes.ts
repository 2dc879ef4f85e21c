// Kubernetes probes from foxdev `ready` probes and compose healthchecks. Readiness prefers the ready
// probe (it says when the service can take work); liveness prefers the healthcheck (it says the
// process is still sound); either stands in for the other. The startup probe repeats the liveness
// check with enough failures allowed to cover the start period, so slow starts are not killed.
// With neither, a service with ports gets TCP probes on its first port.
import type { ResolvedHealthcheck, ResolvedProbe, Service } from '../../config/project.js';
import type { Probe, ProbeHandler } from './types.js';

interface Timing {
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

const secs = (ms: number, min: number): number => Math.max(min, Math.ceil(ms / 1000));

/** A port the host sees (published) maps back to the container port the cluster uses. */
function containerPort(service: Service, port: number): number {
  return service.ports.find((p) => p.published === port)?.target ?? port;
}

function fromReady(service: Service, p: ResolvedProbe): ProbeHandler | undefined {
  switch (p.kind) {
    case 'http': {
      const url = new URL(p.url);
      const https = url.protocol === 'https:';
      const port = url.port ? Number(url.port) : https ? 443 : 80;
      return { httpGet: { path: `${url.pathname}${url.search}`, port: containerPort(service, port), ...(https ? { scheme: 'HTTPS' as const } : {}) } };
    }
    case 'tcp':
      return { tcpSocket: { port: containerPort(service, p.port) } };
    case 'exec':
      return { exec: { command: p.command } };
    case 'log':
      return undefined; // a log line has no Kubernetes equivalent
  }
}

function fromHealthcheck(h: ResolvedHealthcheck): ProbeHandler | undefined {
  const [kind, ...rest] = h.test;
  if (kind === 'CMD') return { exec: { command: rest } };
  if (kind === 'CMD-SHELL') return { exec: { command: ['/bin/sh', '-c', rest.join(' ')] } };
  return undefined; // NONE
}

function probe(handler: ProbeHandler, t: Timing, minPeriod: number): Probe {
  return { ...handler, periodSeconds: secs(t.intervalMs, minPeriod), timeoutSeconds: secs(t.timeoutMs, 1), failureThreshold: Math.max(1, t.retries) };
}

const TCP_TIMING: Timing = { intervalMs: 10_000, timeoutMs: 3_000, retries: 3, startPeriodMs: 30_000 };

export interface Probes {
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
}

export function probesFor(service: Service): Probes {
  const ready = service.ready.map((p) => ({ handler: fromReady(service, p), timing: p })).find((r) => r.handler);
  const hc = service.healthcheck && fromHealthcheck(service.healthcheck);
  const health = hc ? { handler: hc, timing: service.healthcheck! } : undefined;
  const tcp = service.ports[0] && service.ports[0].protocol === 'tcp' ? { handler: { tcpSocket: { port: service.ports[0].target } }, timing: TCP_TIMING } : undefined;
  const readiness = ready ?? health ?? tcp;
  const liveness = health ?? ready ?? tcp;
  if (!readiness || !liveness) return {};
  // Liveness at most every 10 s: restarting on a blip is worse than noticing a hang a little later.
  const live = probe(liveness.handler!, liveness.timing, 10);
  const startWindow = Math.max(liveness.timing.startPeriodMs, 30_000);
  return {
    // foxdev's local probes default to 100 ms; a cluster polls every 2 s at most.
    readinessProbe: probe(readiness.handler!, readiness.timing, 2),
    livenessProbe: live,
    startupProbe: { ...probe(liveness.handler!, liveness.timing, 1), periodSeconds: 2, failureThreshold: Math.ceil(startWindow / 2000) + Math.max(1, liveness.timing.retries) },
  };
}
