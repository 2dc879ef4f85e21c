import { describe, expect, it } from 'vitest';
import { engineHealthcheck } from '../../src/runtime/docker/engine-healthcheck.js';

describe('engineHealthcheck: Config.Healthcheck in foxdev terms', () => {
  it("fills the engine's defaults (30 s, 30 s, 3 retries) for what the image leaves unset", () => {
    expect(engineHealthcheck({ Test: ['CMD-SHELL', 'test -f /ok'] })).toEqual({ test: ['CMD-SHELL', 'test -f /ok'], intervalMs: 30_000, timeoutMs: 30_000, retries: 3, startPeriodMs: 0 });
  });
  it('reads nanoseconds', () => {
    expect(engineHealthcheck({ Test: ['CMD', 'true'], Interval: 1e9, Timeout: 2e9, Retries: 5, StartPeriod: 3e9, StartInterval: 5e8 })).toEqual({
      test: ['CMD', 'true'],
      intervalMs: 1000,
      timeoutMs: 2000,
      retries: 5,
      startPeriodMs: 3000,
      startIntervalMs: 500,
    });
  });
  it('none, or NONE (disabled), is no healthcheck', () => {
    expect(engineHealthcheck(undefined)).toBeUndefined();
    expect(engineHealthcheck({})).toBeUndefined();
    expect(engineHealthcheck({ Test: ['NONE'] })).toBeUndefined();
  });
});
