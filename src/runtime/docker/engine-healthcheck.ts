// A container's healthcheck as the engine holds it (Config.Healthcheck, which carries the image's
// HEALTHCHECK when the compose file sets none), in foxdev's shape, with the engine's defaults for
// what is unset: every 30 s, 30 s timeout, 3 retries, no start period.
import type { ResolvedHealthcheck } from '../../config/project.js';

interface EngineHealthConfig {
  Test?: string[];
  Interval?: number; // nanoseconds, 0 = default
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
  StartInterval?: number;
}

const ms = (ns: number | undefined, dflt: number) => (ns ? Math.round(ns / 1e6) : dflt);

export function engineHealthcheck(h: EngineHealthConfig | undefined): ResolvedHealthcheck | undefined {
  if (!h?.Test?.length || h.Test[0] === 'NONE') return undefined;
  return {
    test: h.Test,
    intervalMs: ms(h.Interval, 30_000),
    timeoutMs: ms(h.Timeout, 30_000),
    retries: h.Retries || 3,
    startPeriodMs: ms(h.StartPeriod, 0),
    ...(h.StartInterval ? { startIntervalMs: ms(h.StartInterval, 5_000) } : {}),
  };
}
