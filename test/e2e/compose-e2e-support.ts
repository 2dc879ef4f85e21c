// A small port of docker/compose's e2e scenario vocabulary (pkg/e2e/checks.go): a project in a
// temp dir, foxdev run with compose's CLI habits (`-f compose.yaml --project-name P <verb>`), and
// the project's containers observed by compose's labels — long-lived ones and one-offs apart —
// so the adapted cases check what a compose user gets, not what foxdev printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foxdev } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';

export interface Observed {
  id: string;
  name: string;
  state: string;
  oneOff: boolean;
  labels: Record<string, string>;
}

export interface Scenario {
  project: string;
  dir: string;
  fx: (args: string[], env?: Record<string, string>) => ReturnType<typeof foxdev>;
  /** Containers by service; compose's helper containers (no number, not one-off) left out. */
  snapshot: () => Promise<Record<string, Observed[]>>;
  cleanup: () => Promise<void>;
}

export function scenario(name: string, files: Record<string, string>): Scenario {
  const project = `e2e-${name}-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), `foxdev-${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return {
    project,
    dir,
    fx: (args, env) => foxdev(['-f', 'compose.yaml', '--project-name', project, ...args], { cwd: dir, env, timeoutMs: 90_000 }),
    snapshot: async () => {
      const docker = dockerClient();
      const list = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
      const out: Record<string, Observed[]> = {};
      for (const c of list) {
        const oneOff = c.Labels['com.docker.compose.oneoff'] === 'True';
        if (!oneOff && !c.Labels['com.docker.compose.container-number']) continue;
        const service = c.Labels['com.docker.compose.service'];
        (out[service] ??= []).push({ id: c.Id, name: c.Names[0].replace(/^\//, ''), state: c.State, oneOff, labels: c.Labels });
      }
      for (const v of Object.values(out)) v.sort((a, b) => a.name.localeCompare(b.name));
      return out;
    },
    cleanup: async () => {
      await foxdev(['--project-name', project, 'down', '-v', '--remove-orphans', '--timeout', '0'], { cwd: dir, timeoutMs: 60_000 });
      await purgeProject(project);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** compose's ServiceState: every long-lived container of the service is in `state` (and there is one). */
export function serviceStates(snap: Record<string, Observed[]>, service: string): string[] {
  return (snap[service] ?? []).filter((c) => !c.oneOff).map((c) => c.state);
}
export const oneOffs = (snap: Record<string, Observed[]>, service: string): Observed[] => (snap[service] ?? []).filter((c) => c.oneOff);
export const ids = (snap: Record<string, Observed[]>, service: string): string[] => (snap[service] ?? []).filter((c) => !c.oneOff).map((c) => c.id);

/** Poll a check until it holds (compose's Eventually), or throw the last failure. */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() - t0 > timeoutMs) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
}

export const BUSYBOX = 'foxdev/busybox:1';
