import type { Probe } from './types.js';

export type RunCommand = (cmd: string[], timeoutMs: number) => Promise<{ exitCode: number; output: string }>;

/** An exec probe, or a healthcheck test run by foxdev itself at short intervals. */
export function commandProbe(run: RunCommand, cmd: string[], timeoutMs: number): Probe {
  return async () => {
    try {
      const r = await run(cmd, timeoutMs);
      const tail = r.output.trim().split('\n').pop()?.slice(0, 120) ?? '';
      return { ok: r.exitCode === 0, detail: r.exitCode === 0 ? 'exit 0' : `exit ${r.exitCode}${tail ? `: ${tail}` : ''}` };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  };
}

/** A compose healthcheck test as a command: ["CMD", a, b] → [a, b]; ["CMD-SHELL", s] → sh -c s. */
export function healthcheckCommand(test: string[]): string[] | undefined {
  const [kind, ...rest] = test;
  if (kind === 'CMD') return rest;
  if (kind === 'CMD-SHELL') return ['/bin/sh', '-c', rest.join(' ')];
  if (kind === 'NONE' || kind === undefined) return undefined;
  return ['/bin/sh', '-c', test.join(' ')]; // a bare string test
}
