import { describe, expect, it } from 'vitest';
import { execExitCode, type InspectableExec } from '../../../src/runtime/docker/exec-exit.js';
import { FoxdevError } from '../../../src/errors.js';

/** An exec whose inspect says Running (ExitCode null) `lag` times, then finished with `code`. */
function lagging(lag: number, code: number): InspectableExec & { calls: number } {
  const e = {
    calls: 0,
    async inspect() {
      return e.calls++ < lag ? { Running: true, ExitCode: null } : { Running: false, ExitCode: code };
    },
  };
  return e;
}

describe('execExitCode', () => {
  it('returns at once when the engine already marked the exec finished', async () => {
    const e = lagging(0, 0);
    expect(await execExitCode(e)).toBe(0);
    expect(e.calls).toBe(1);
  });

  it('polls past a still-running answer instead of reporting -1', async () => {
    const e = lagging(3, 7);
    expect(await execExitCode(e, { pollMs: 1 })).toBe(7);
    expect(e.calls).toBe(4);
  });

  it('a finished exec with ExitCode 0 is not mistaken for a missing code', async () => {
    expect(await execExitCode({ inspect: async () => ({ Running: false, ExitCode: 0 }) })).toBe(0);
  });

  it('gives up with a FoxdevError when the engine never reports one', async () => {
    const e = lagging(Infinity, 0);
    const err = await execExitCode(e, { pollMs: 1, timeoutMs: 30 }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(FoxdevError);
    expect((err as FoxdevError).message).toMatch(/did not report an exit code/);
    expect(e.calls).toBeGreaterThan(1);
  });

  it('stops polling when its signal aborts', async () => {
    const ac = new AbortController();
    const e = lagging(Infinity, 0);
    const p = execExitCode(e, { pollMs: 1000, timeoutMs: 60_000, signal: ac.signal }).catch((x: unknown) => x);
    ac.abort();
    const t0 = Date.now();
    expect(await p).toBeInstanceOf(FoxdevError);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
