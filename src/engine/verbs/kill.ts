// `foxdev kill [-s SIGNAL] [svc…]`: send a signal (SIGKILL unless told) to running containers and
// host processes. No grace period, no order: that is what makes it kill and not stop.
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { recordedProcesses, stateDir } from '../../runtime/process.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export function normalSignal(signal: string): string {
  const s = signal.toUpperCase();
  if (/^\d+$/.test(s)) return s;
  return s.startsWith('SIG') ? s : `SIG${s}`;
}

export async function killServices(runtime: Runtime, project: Project, names: string[], signal: string, onLine: (l: string) => void): Promise<number> {
  const sig = normalSignal(signal);
  const running = (await serviceContainers(runtime, project, names)).filter((c) => c.running);
  await Promise.all(
    running.map(async (c) => {
      await runtime
        .signalContainer(c.id, sig)
        .catch((err: { statusCode?: number; message?: string }) => {
          if (err.statusCode === 409) return; // stopped meanwhile
          throw new FoxdevError('engine', `kill ${c.name}: ${(err.message ?? '').split('\n')[0]}`, { cause: err });
        });
      onLine(containerProgress(c.name, 'Killed', `(${sig})`));
    }),
  );
  let n = running.length;
  for (const p of await recordedProcesses(stateDir(project))) {
    if (!p.alive || (names.length && !names.includes(p.service))) continue;
    try {
      process.kill(-p.pid, sig as NodeJS.Signals);
    } catch {
      process.kill(p.pid, sig as NodeJS.Signals);
    }
    onLine(`killed host process ${p.service} (pid ${p.pid}, ${sig})`);
    n++;
  }
  return n;
}
