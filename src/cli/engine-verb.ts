// What every compose verb starts with: the project from the global options and an engine that
// answers (one clear line when it does not), loaded lazily so `--help` stays fast.
import type { Command } from 'commander';
import type { Runtime } from '../runtime/runtime.js';
import type { Project } from '../config/project.js';
import { loadFromOptions } from './options.js';
import { FoxdevError } from '../errors.js';

/** `named`: services the command names, whose profiles it enables (compose's rule for up/run). */
export async function projectAndEngine(cmd: Command, named?: string[]): Promise<{ project: Project; runtime: Runtime }> {
  const engine = import('../runtime/engine-runtime.js'); // loads while the config does
  const project = await loadFromOptions(cmd, named?.length ? named : undefined);
  const runtime = await (await engine).connectRuntime();
  return { project, runtime };
}

export const say = (l: string): void => void process.stdout.write(`${l}\n`);

/** Progress lines ("Container x Stopped") go to stderr, as compose's do: stdout stays for results. */
export const progress = (l: string): void => void process.stderr.write(`${l}\n`);

/** `-t/--timeout <seconds>` as milliseconds; undefined when not given. */
export function timeoutMs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    throw new FoxdevError('usage', `invalid timeout ${v}: want a number of seconds`);
  }
  return n * 1000;
}
