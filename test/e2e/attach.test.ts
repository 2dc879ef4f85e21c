// `foxdev attach` in a real terminal (tmux on its own socket) against a session that a foreground
// `foxdev up --no-tui` runs: the dashboard shows the session's services ready, `r` restarts the
// selected one through that session (its restart count goes up in the session's own state), `q`
// detaches while the session and its containers keep running, and without a session attach says so.
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/api/client.js';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { cliPath, foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const p = `attach-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-attach-'));
const SOCKET = `foxdev-attach-${process.pid}`;
const SESSION = 'attach';
const tmux = (...args: string[]) => execa('sh', ['-c', 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec tmux "$@"', 'sh', '-L', SOCKET, '-f', '/dev/null', ...args]);
const screen = async () => (await tmux('capture-pane', '-p', '-t', SESSION)).stdout;

writeFileSync(
  path.join(dir, 'compose.yaml'),
  `name: ${p}
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
`,
);

describe.runIf(hasEngine)('foxdev attach', () => {
  afterAll(async () => {
    await tmux('kill-server').catch(() => {});
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a session: one clear line, exit 2', async () => {
    const r = await foxdev(['-C', dir, 'attach']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`no foxdev session runs for ${p}`);
  });

  it('shows the running session, r restarts through it, q detaches and the session keeps running', async () => {
    const up = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    try {
      await up.waitFor(/web(?:-\d+)?\s+\| web-up/);
      await tmux('new-session', '-d', '-x', '120', '-y', '30', '-s', SESSION, `node ${cliPath} -C ${dir} attach; sleep 30`);
      await waitFor('2/2 ready on the attached screen', async () => ((await screen()).includes('2/2 ready') ? true : undefined), 30_000, 100);
      expect(await screen()).toMatch(/db-up|web-up/);

      await tmux('send-keys', '-t', SESSION, 'r'); // db is selected first
      const client = await connect({ dir, name: p });
      await waitFor('db restarted by the session', async () => ((await client.state()).services.db.restarts === 1 ? true : undefined), 30_000);
      await up.waitFor(/db(?:-\d+)?\s+\| restart: restart db \(restart requested\)/);

      await tmux('send-keys', '-t', SESSION, 'q');
      await waitFor('detached', async () => ((await screen()).includes(`detached from ${p}; the session keeps running`) ? true : undefined), 10_000, 100);
      expect((await client.hello()).pid).toBe(up.child.pid);
      const running = async () => (await projectContainers(p)).filter((c) => c.state === 'running').map((c) => c.service).sort().join(',');
      await waitFor('db and web running', async () => ((await running()) === 'db,web' ? true : undefined), 20_000);
      client.close();
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
  }, 120_000);
});
