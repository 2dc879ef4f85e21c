// Runs a service's probes until all pass. Probes run at their own short interval (default
// 100 ms) so readiness is noticed almost as soon as it is true. Failures during the start period
// do not count; more than `retries` consecutive failures after it make the service unhealthy,
// but probing goes on: a slow service may still come up, and dependents keep waiting for it.
import { sleep } from '../sleep.js';
import type { Probe, ProbeResult } from './probes/types.js';

export interface TimedProbe {
  name: string;
  probe: Probe;
  intervalMs: number;
  retries: number;
  startPeriodMs: number;
}

export interface ReadinessEvents {
  onResult(probe: string, r: ProbeResult): void;
  onUnhealthy(probe: string, r: ProbeResult): void;
}

/** Resolves true when every probe passed once; false when aborted. */
export async function waitReady(probes: TimedProbe[], ev: ReadinessEvents, signal: AbortSignal, now: () => number = Date.now): Promise<boolean> {
  const started = now();
  const results = await Promise.all(
    probes.map(async (p) => {
      let failures = 0;
      while (!signal.aborted) {
        const t0 = now();
        const r = await p.probe(signal);
        if (signal.aborted) return false;
        ev.onResult(p.name, r);
        if (r.ok) return true;
        if (now() - started >= p.startPeriodMs && ++failures === p.retries + 1) ev.onUnhealthy(p.name, r);
        await sleep(Math.max(0, p.intervalMs - (now() - t0)), signal);
      }
      return false;
    }),
  );
  return results.every(Boolean);
}
