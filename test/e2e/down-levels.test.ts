// `foxdev stop` and `foxdev down` take a 3-level graph apart a level at a time, the two services of
// a level side by side. Every service ignores SIGTERM, so each level costs its whole grace period
// (2 s, then SIGKILL): about 6 s in all, where one service at a time would take 12 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foxdev } from '../helpers/cli.js';
import { requireEngine } from '../helpers/engine.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { LABEL_PROJECT, LABEL_SERVICE } from '../../src/names/labels.js';

const hasEngine = await requireEngine();
const p = `downlevels-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'foxdev-down-levels-'));
const fx = (...args: string[]) => foxdev(['-C', dir, '-p', p, ...args], { timeoutMs: 60_000 });

const stubborn = (deps: string[]) => `
    image: foxdev/busybox:1
    command: ["sh", "-c", "trap '' TERM; sleep 3600"]
    stop_grace_period: 2s${deps.length ? `\n    depends_on: [${deps.join(', ')}]` : ''}`;
// Level 0 (stops last): a1 a2; level 1: b1 b2 (need both a); level 2 (stops first): c1 c2.
const compose = `services:
  a1:${stubborn([])}
  a2:${stubborn([])}
  b1:${stubborn(['a1', 'a2'])}
  b2:${stubborn(['a1', 'a2'])}
  c1:${stubborn(['b1', 'b2'])}
  c2:${stubborn(['b1', 'b2'])}
`;
const LEVELS = [['c1', 'c2'], ['b1', 'b2'], ['a1', 'a2']]; // stop order

/** Each level ended after the one before it, by at least most of a grace period. */
function expectLevelOrder(endedAt: Record<string, number>): void {
  for (let i = 1; i < LEVELS.length; i++) {
    const prev = Math.max(...LEVELS[i - 1].map((s) => endedAt[s]));
    const cur = Math.min(...LEVELS[i].map((s) => endedAt[s]));
    expect(cur - prev, `${LEVELS[i]} ended ${cur - prev} ms after ${LEVELS[i - 1]}`).toBeGreaterThan(1500);
  }
  // The two services of one level end together (side by side, not one after the other).
  for (const level of LEVELS) expect(Math.abs(endedAt[level[0]] - endedAt[level[1]])).toBeLessThan(1500);
}

describe.runIf(hasEngine)('stop and down by dependency level', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'compose.yaml'), compose);
    const r = await fx('up', '-d');
    expect(r.exitCode, r.all).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stop: about one grace period per level, dependents first (FinishedAt)', async () => {
    const t0 = Date.now();
    const r = await fx('stop');
    const took = Date.now() - t0;
    expect(r.exitCode, r.all).toBe(0);
    console.log(`foxdev stop of 3 levels × 2 services (grace 2 s each): ${took} ms`);
    expect(took).toBeGreaterThan(5000);
    expect(took).toBeLessThan(10_000);
    const docker = dockerClient();
    const endedAt: Record<string, number> = {};
    for (const c of await projectContainers(p)) endedAt[c.service] = Date.parse((await docker.getContainer(c.id).inspect()).State.FinishedAt);
    expectLevelOrder(endedAt);
  }, 60_000);

  it('down: about one grace period per level, dependents first (die events), everything removed', async () => {
    const start = await fx('start');
    expect(start.exitCode, start.all).toBe(0);
    const docker = dockerClient();
    const since = Math.floor(Date.now() / 1000) - 1;
    const events = (await docker.getEvents({
      since,
      filters: { type: ['container'], event: ['die'], label: [`${LABEL_PROJECT}=${p}`] },
    })) as unknown as Readable;
    const endedAt: Record<string, number> = {};
    let buf = '';
    events.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const e = JSON.parse(buf.slice(0, nl)) as { timeNano: number; Actor: { Attributes: Record<string, string> } };
        buf = buf.slice(nl + 1);
        endedAt[e.Actor.Attributes[LABEL_SERVICE]] = e.timeNano / 1e6;
      }
    });
    try {
      const t0 = Date.now();
      const r = await fx('down');
      const took = Date.now() - t0;
      expect(r.exitCode, r.all).toBe(0);
      console.log(`foxdev down of 3 levels × 2 services (grace 2 s each): ${took} ms`);
      expect(took).toBeGreaterThan(5000);
      expect(took).toBeLessThan(10_000);
      await new Promise((res) => setTimeout(res, 300)); // the last events arrive a moment later
      expect(Object.keys(endedAt).sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
      expectLevelOrder(endedAt);
      expect(await projectContainers(p)).toEqual([]);
    } finally {
      events.destroy();
    }
  }, 60_000);
});
