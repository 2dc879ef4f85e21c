// The running `foxdev up` as a server on a Unix socket, against the real engine: the typed client
// reads the state and follows every action; `foxdev restart`, `foxdev down` and a second `up` from
// another terminal go through the session instead of behind its back; bad requests get an error
// and the session stays up; a killed session's socket is replaced; a closed stdout stops the stack.
import { execa } from 'execa';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/api/client.js';
import { sessionSocketPath } from '../../src/runtime/session-address.js';
import type { Action } from '../../src/store/actions.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine } from '../helpers/engine.js';
import { cliPath, foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const docker = dockerClient();
const projects: string[] = [];
const dirs: string[] = [];
function stack(name: string): { p: string; dir: string } {
  const p = `session-${name}-${process.pid}`;
  projects.push(p);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-session-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'compose.yaml'), `name: ${p}
services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo db-up; exec sleep 3600"]
    init: true
  web:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo web-up; exec sleep 3600"]
    init: true
    depends_on: [db]
`);
  return { p, dir };
}

/** One raw line to the socket, the first line back. */
function raw(file: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(file);
    let got = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      got += d;
      if (got.includes('\n')) {
        s.destroy();
        resolve(got.split('\n')[0]);
      }
    });
    s.on('error', reject);
    s.on('connect', () => s.write(text));
  });
}

describe.runIf(hasEngine)('the session server', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves state and actions; restart, a second up and down from another terminal go through it; bad requests are answered', async () => {
    const { p, dir } = stack('api');
    const up = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    try {
      await up.waitFor(/web(?:-\d+)?\s+\| web-up/);
      const file = sessionSocketPath({ dir, name: p });
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const client = await connect({ dir, name: p });
      const hello = await client.hello();
      expect(hello).toMatchObject({ protocol: 1, project: p, services: ['db', 'web'] });
      const state = await client.state();
      expect(state.services.web.phase).toMatch(/running|ready/);
      expect(state.logs.web.map((l) => l.line)).toContain('web-up');
      const seen: Action[] = [];
      await client.subscribe((a) => seen.push(a));

      const restart = await foxdev(['-C', dir, 'restart', 'web']);
      expect(restart.exitCode, restart.all).toBe(0);
      expect(restart.stdout).toContain('restarted web (by the running session)');
      expect(seen.some((a) => a.type === 'service/restarted' && a.service === 'web')).toBe(true);
      await up.waitFor(/web(?:-\d+)?\s+\| restart: restart web \(restart requested\)/);

      // Bad input: an error reply, and the session keeps answering.
      expect(JSON.parse(await raw(file, 'not json\n'))).toEqual({ v: 1, id: null, ok: false, error: 'not JSON: each request is one JSON object on one line' });
      expect(JSON.parse(await raw(file, '{"v":1,"id":7,"op":"intent","intent":{"kind":"restart","service":"nope"}}\n'))).toMatchObject({ id: 7, ok: false, error: expect.stringContaining('no such service: nope') });
      expect(JSON.parse(await raw(file, `${'x'.repeat(1.5 * 1024 * 1024)}`))).toMatchObject({ ok: false, error: expect.stringContaining('request longer than') });
      expect((await client.hello()).pid).toBe(hello.pid);

      // One session per project.
      const second = await foxdev(['-C', dir, 'up', '-d']);
      expect(second.exitCode).toBe(2);
      expect(second.stderr).toContain(`a foxdev session already runs for ${p} (pid ${hello.pid})`);

      // down stops the session first, then removes everything.
      const down = await foxdev(['-C', dir, 'down']);
      expect(down.exitCode, down.all).toBe(0);
      expect(down.stderr).toContain('stopped the running session');
      await client.closed;
      const end = await up.child;
      expect(end.exitCode).toBe(0);
      expect(await projectContainers(p)).toEqual([]);
    } finally {
      up.child.kill('SIGKILL');
    }
  }, 120_000);

  it('a killed session leaves a dead socket; the next up replaces it and adopts the running containers', async () => {
    const { p, dir } = stack('stale');
    const first = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    await first.waitFor(/web(?:-\d+)?\s+\| web-up/);
    const before = (await projectContainers(p)).map((c) => c.id).sort();
    first.child.kill('SIGKILL');
    await first.child;
    const second = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    try {
      await second.waitFor(/web(?:-\d+)?\s+\| unchanged and running; reattached/);
      expect((await projectContainers(p)).map((c) => c.id).sort()).toEqual(before);
      const client = await connect({ dir, name: p });
      expect((await client.hello()).pid).toBe(second.child.pid);
      client.close();
    } finally {
      second.child.kill('SIGINT');
      await second.child;
    }
  }, 120_000);

  it('up --no-tui | head -1: when the reader goes away, the stack is stopped, not left unsupervised', async () => {
    const { p, dir } = stack('pipe');
    const r = await execa('bash', ['-c', `node -- ${cliPath} -C ${dir} up --no-tui | head -1`], { env: { NO_COLOR: '1' }, reject: false, timeout: 90_000 });
    expect(r.stdout.split('\n')).toHaveLength(1);
    // head has exited; foxdev notices at its next write and stops everything.
    let states: string[] = [];
    for (let i = 0; i < 150; i++) {
      states = (await projectContainers(p)).map((c) => c.state);
      if (states.every((s) => s !== 'running') && r.exitCode !== undefined) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    // Stopped, or never started (or never created: the first line is the web address, printed
    // before anything starts) when the pipe closed before its turn came.
    expect(states.every((s) => s === 'exited' || s === 'created'), states.join(',')).toBe(true);
    expect(r.exitCode).toBe(0);
    const info = await Promise.all((await projectContainers(p)).map((c) => docker.getContainer(c.id).inspect()));
    expect(info.every((i) => !i.State.Running)).toBe(true);
  }, 120_000);
});
