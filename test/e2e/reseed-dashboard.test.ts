// The dashboard's `s` in a real terminal (tmux, as dashboard.test.ts drives it) on
// fixtures/reseed-pg: `s`, `y` on db resets it, runs `migrate` again (so `orders` exists) and
// starts `app` once, after the job; `q` then stops everything with exit status 0.
import type Docker from 'dockerode';
import { execa } from 'execa';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { cliPath, foxdev } from '../helpers/cli.js';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { copyFixture, sql } from './seed-support.js';

const hasEngine = await requireEngine();
const PROJECT = `reseed-dash-${process.pid}`;
const SOCKET = `foxdev-reseed-dash-${process.pid}`;
const SESSION = 'reseed';
const statusFile = join(tmpdir(), `foxdev-reseed-dash-${process.pid}.status`);
const docker = dockerClient();

// Closing fds 3–9 first so a tmux server started under `flock` cannot keep the lock (see dashboard.test.ts).
const tmux = (...args: string[]) =>
  execa('sh', ['-c', 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec tmux "$@"', 'sh', '-L', SOCKET, '-f', '/dev/null', ...args]);
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const screen = async () => (await tmux('capture-pane', '-p', '-t', SESSION)).stdout;
const waitForScreen = (what: string, re: RegExp, timeoutMs = 60_000) =>
  waitFor(what, async () => (re.test(await screen()) ? true : undefined), timeoutMs, 200).catch(async (err: Error) => {
    throw new Error(`${err.message}\n--- screen ---\n${await screen().catch(() => '')}`);
  });

async function containerOf(service: string): Promise<Docker.Container> {
  const c = (await projectContainers(PROJECT)).find((x) => x.service === service);
  if (!c) throw new Error(`no ${service} container`);
  return docker.getContainer(c.id);
}

async function startsSince(container: Docker.Container, sinceMs: number): Promise<number> {
  const stream = (await docker.getEvents({
    since: Math.floor(sinceMs / 1000),
    until: Math.ceil(Date.now() / 1000) + 1,
    filters: { container: [container.id], event: ['start'] },
  })) as unknown as NodeJS.ReadableStream;
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text
    .split('\n')
    .filter((l) => l.trim())
    .filter((l) => (JSON.parse(l) as { timeNano: number }).timeNano / 1e6 >= sinceMs).length;
}

describe.runIf(hasEngine)("the dashboard's s re-runs the job that depends on the data", () => {
  let dir: string;

  afterAll(async () => {
    await tmux('kill-server').catch(() => {});
    await rm(statusFile, { force: true });
    if (dir) await foxdev(['-C', dir, '-p', PROJECT, 'down', '-v'], { cwd: dir, timeoutMs: 60_000 });
    await purgeProject(PROJECT);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('s, y on db: migrate runs again, orders exists, app started once after it', async () => {
    dir = await copyFixture('reseed-pg');
    await purgeProject(PROJECT);
    const cmd = `cd ${shq(dir)} && node ${shq(cliPath)} -p ${PROJECT} up; echo $? > ${shq(statusFile)}`;
    await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', SESSION, cmd, ';', 'set-option', '-g', 'remain-on-exit', 'on');
    await waitForScreen('every service ready', new RegExp(`^foxdev ${PROJECT} 3/3 ready`, 'm'), 150_000);

    const migrate = await containerOf('migrate');
    const app = await containerOf('app');
    const finishedBefore = Date.parse((await migrate.inspect()).State.FinishedAt);
    const t0 = Date.now();
    await tmux('send-keys', '-t', SESSION, 's'); // db is selected first
    await waitForScreen('the question', /Seed db\? Its data will be reset\. \(y\/n\)/, 5_000);
    await tmux('send-keys', '-t', SESSION, 'y');

    await waitFor(
      'migrate to run again',
      async () => {
        const s = (await migrate.inspect()).State;
        return !s.Running && Date.parse(s.FinishedAt) > finishedBefore ? s : undefined;
      },
      60_000,
      200,
    );
    await waitFor('app to run again', async () => ((await app.inspect()).State.Running && (await startsSince(app, t0)) >= 1 ? true : undefined), 30_000, 200);
    await new Promise((r) => setTimeout(r, 1500)); // a second start would have happened by now
    expect((await migrate.inspect()).State.ExitCode).toBe(0);
    expect(await sql(await containerOf('db'), 'shop', `SELECT to_regclass('public.orders') IS NOT NULL`)).toBe('t');
    expect(await startsSince(app, t0)).toBe(1);
    expect(Date.parse((await app.inspect()).State.StartedAt)).toBeGreaterThan(Date.parse((await migrate.inspect()).State.FinishedAt));
    await waitForScreen('still all ready', new RegExp(`^foxdev ${PROJECT} 3/3 ready`, 'm'), 30_000);

    await tmux('send-keys', '-t', SESSION, 'q');
    const status = await waitFor('foxdev to exit', async () => (await readFile(statusFile, 'utf8')).trim() || undefined, 60_000, 100);
    expect(status).toBe('0');
  }, 240_000);
});
