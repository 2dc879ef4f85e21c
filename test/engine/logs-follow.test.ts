import { describe, expect, it } from 'vitest';
import { ContainerFollower } from '../../src/engine/logs.js';
import type { ProjectContainer } from '../../src/runtime/docker/containers.js';
import type { LogEntry } from '../../src/store/types.js';

const box = (name: string, running: boolean): ProjectContainer => ({ id: name, name: `p-${name}`, service: name.replace(/-\d+$/, ''), hash: '', running, state: running ? 'running' : 'exited', status: '', labels: {}, ports: [], networks: [], number: Number(name.split('-')[1] ?? 1) });
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
};

describe("logs -f follows what appears later (compose's TestLocalComposeLogsFollow)", () => {
  it('a container created later, one that exited at once, and a restarted one (from where it stopped) are followed; a stopped one is not read twice', async () => {
    const list: ProjectContainer[] = [box('ping-1', true)];
    const streams = new Map<string, () => void>();
    const calls: Array<{ id: string; since?: number }> = [];
    const runtime = {
      listProjectContainers: async () => list,
      containerLogs: (id: string, o: { since?: number }, onLine: (l: { stream: 'stdout'; line: string }) => void) => {
        calls.push({ id, since: o.since });
        onLine({ stream: 'stdout', line: `${id} says hi` });
        const c = list.find((x) => x.id === id)!;
        return c.running ? new Promise<void>((r) => streams.set(id, r)) : Promise.resolve();
      },
    };
    const seen: LogEntry[] = [];
    const ac = new AbortController();
    const f = new ContainerFollower(runtime as never, 'p', { follow: true, signal: ac.signal }, (e) => seen.push(e));
    void f.attach(list[0], undefined);
    const watching = f.watch(() => true);

    list.push(box('hello-1', false)); // a later up: a job that printed and exited already
    await until(() => seen.some((e) => e.service === 'hello-1'));
    list.push(box('ping-2', true)); // a later --scale ping=2
    await until(() => seen.some((e) => e.service === 'ping-2'));

    // ping-1 stops: its stream ends, and it is not read again while it stays stopped.
    list[0] = box('ping-1', false);
    streams.get('ping-1')!();
    await new Promise((r) => setTimeout(r, 600));
    expect(calls.filter((c) => c.id === 'ping-1')).toHaveLength(1);
    // It starts again: followed from where its stream ended.
    list[0] = box('ping-1', true);
    await until(() => calls.filter((c) => c.id === 'ping-1').length === 2);
    expect(calls.filter((c) => c.id === 'ping-1')[1].since).toBeGreaterThan(1.7e9);
    expect(calls.filter((c) => c.id === 'hello-1')).toHaveLength(1);

    ac.abort();
    for (const r of streams.values()) r();
    await watching;
    expect(seen.map((e) => e.service)).toEqual(['ping-1', 'hello-1', 'ping-2', 'ping-1']);
  });
});
