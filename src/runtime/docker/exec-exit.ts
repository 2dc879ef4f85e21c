// An exec's exit code, read once its output has ended. The stream can end a moment before the
// engine marks the exec finished (inspect then says Running with ExitCode null, which a single
// read turned into -1), so poll inspect until Running is false.
import { FoxdevError } from '../../errors.js';
import { sleep } from '../../sleep.js';

/** The slice of dockerode's Exec this needs (a fake in tests). */
export interface InspectableExec {
  inspect(): Promise<{ Running: boolean; ExitCode: number | null }>;
}

export async function execExitCode(exec: InspectableExec, opts: { pollMs?: number; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<number> {
  const pollMs = opts.pollMs ?? 10;
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  for (;;) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    if (Date.now() >= deadline || opts.signal?.aborted) break;
    await sleep(pollMs, opts.signal);
  }
  throw new FoxdevError('engine', 'a command in the container did not report an exit code', {
    hint: 'its output ended but the engine still shows it running',
  });
}
