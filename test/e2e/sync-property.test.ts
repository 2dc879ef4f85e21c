// The property: whatever sequence of create / modify / chmod / delete / rename / mkdir / rmdir
// happens on the host, in bursts or in slow trickles, the container's tree (paths, kinds,
// sizes, md5s, modes) ends up equal to the host's. Runs against the real engine.
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSync } from '../../src/engine/sync/index.js';
import { requireEngine } from '../helpers/engine.js';
import { removeContainer, startContainer, syncRule, tempProject, untilEqual } from './sync-support.js';

const hasEngine = await requireEngine();

type Op =
  | { op: 'write'; dir: number; name: number; size: number; exec: boolean }
  | { op: 'modify'; file: number; size: number }
  | { op: 'chmod'; file: number }
  | { op: 'delete'; file: number }
  | { op: 'rename'; file: number; dir: number; name: number }
  | { op: 'mkdir'; dir: number; name: number }
  | { op: 'rmdir'; dir: number }
  | { op: 'mvdir'; dir: number; to: number; name: number }
  | { op: 'retype'; file: number; size: number }
  | { op: 'pause'; ms: number };

const NAMES = ['a', 'b', 'c.ts', 'd e.js', 'f-g', 'ünï', 'long-name-'.repeat(12), 'x.json', '.env', 'h'];
const idx = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('write' as const), dir: idx, name: idx, size: fc.nat({ max: 6000 }), exec: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('modify' as const), file: idx, size: fc.nat({ max: 6000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chmod' as const), file: idx }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), file: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), file: idx, dir: idx, name: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('mkdir' as const), dir: idx, name: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rmdir' as const), dir: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('mvdir' as const), dir: idx, to: idx, name: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retype' as const), file: idx, size: fc.nat({ max: 3000 }) }) },
);

/** Applies ops to a host dir, tracking files and dirs so every op is valid. */
class HostModel {
  files: string[] = [];
  dirs: string[] = [''];
  constructor(private readonly root: string) {}
  private abs = (rel: string) => path.join(this.root, rel);
  private taken = (rel: string) => this.files.includes(rel) || this.dirs.includes(rel);
  private pick<T>(list: T[], i: number): T | undefined {
    return list.length ? list[i % list.length] : undefined;
  }
  private content(size: number, salt: number): Buffer {
    const b = Buffer.alloc(size);
    for (let i = 0; i < size; i++) b[i] = (i * 31 + salt * 7) & 0xff;
    return b;
  }
  private counter = 0;

  async apply(o: Op): Promise<void> {
    this.counter++;
    switch (o.op) {
      case 'write': {
        const rel = path.join(this.pick(this.dirs, o.dir)!, NAMES[o.name % NAMES.length]);
        if (this.dirs.includes(rel)) return;
        await writeFile(this.abs(rel), this.content(o.size, this.counter), { mode: o.exec ? 0o755 : 0o644 });
        if (!this.files.includes(rel)) this.files.push(rel);
        return;
      }
      case 'modify': {
        const rel = this.pick(this.files, o.file);
        if (rel) await writeFile(this.abs(rel), this.content(o.size, this.counter));
        return;
      }
      case 'chmod': {
        const rel = this.pick(this.files, o.file);
        if (rel) await chmod(this.abs(rel), this.counter % 2 ? 0o755 : 0o600);
        return;
      }
      case 'delete': {
        const rel = this.pick(this.files, o.file);
        if (!rel) return;
        await rm(this.abs(rel));
        this.files = this.files.filter((f) => f !== rel);
        return;
      }
      case 'rename': {
        const from = this.pick(this.files, o.file);
        const to = path.join(this.pick(this.dirs, o.dir)!, `r${NAMES[o.name % NAMES.length]}`);
        if (!from || this.dirs.includes(to) || from === to) return;
        await rename(this.abs(from), this.abs(to)); // replaces `to` if it is a file
        this.files = this.files.filter((f) => f !== from && f !== to).concat(to);
        return;
      }
      case 'mkdir': {
        const rel = path.join(this.pick(this.dirs, o.dir)!, `d${NAMES[o.name % NAMES.length]}`);
        if (this.taken(rel)) return;
        await mkdir(this.abs(rel));
        this.dirs.push(rel);
        return;
      }
      case 'rmdir': {
        const rel = this.pick(this.dirs.slice(1), o.dir);
        if (!rel) return;
        await rm(this.abs(rel), { recursive: true });
        const inside = (p: string) => p === rel || p.startsWith(`${rel}/`);
        this.files = this.files.filter((f) => !inside(f));
        this.dirs = this.dirs.filter((d) => !inside(d));
        return;
      }
      case 'mvdir': {
        const from = this.pick(this.dirs.slice(1), o.dir);
        const parent = this.pick(this.dirs, o.to)!;
        if (!from) return;
        const to = path.join(parent, `m${this.counter}`);
        if (to.startsWith(`${from}/`) || parent === from || this.taken(to)) return;
        await rename(this.abs(from), this.abs(to));
        const move = (p: string) => (p === from ? to : p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
        this.files = this.files.map(move);
        this.dirs = this.dirs.map(move);
        return;
      }
      case 'retype': {
        // A file becomes a directory of the same name (with a file inside), or a directory a file.
        if (o.size % 2 === 0) {
          const rel = this.pick(this.files, o.file);
          if (!rel) return;
          await rm(this.abs(rel));
          await mkdir(this.abs(rel));
          await writeFile(this.abs(path.join(rel, 'inner')), this.content(o.size, this.counter));
          this.files = this.files.filter((f) => f !== rel).concat(path.join(rel, 'inner'));
          this.dirs.push(rel);
        } else {
          const rel = this.pick(this.dirs.slice(1), o.file);
          if (!rel) return;
          await rm(this.abs(rel), { recursive: true });
          await writeFile(this.abs(rel), this.content(o.size, this.counter));
          const inside = (p: string) => p === rel || p.startsWith(`${rel}/`);
          this.files = this.files.filter((f) => !inside(f)).concat(rel);
          this.dirs = this.dirs.filter((d) => !inside(d));
        }
        return;
      }
      case 'pause':
        await new Promise((r) => setTimeout(r, o.ms));
    }
  }
}

// foxdev/node:20 (GNU tar, dash) carries the full load; foxdev/busybox:1 (busybox tar, ash) a
// smaller one, so the receiver's shell protocol is held to the property on both.
const SIZES = { node: { runs: [3, 2], ops: [300, 150] }, busybox: { runs: [1, 1], ops: [200, 100] } } as const;

describe.runIf(hasEngine).each(['node', 'busybox'] as const)('sync property on foxdev/%s: the container ends up equal to the host', (image) => {
  let container: Docker.Container;
  let project: Awaited<ReturnType<typeof tempProject>>;
  let run = 0;

  beforeAll(async () => {
    container = await startContainer(image);
    project = await tempProject(`prop-${image}`);
  });
  afterAll(async () => {
    await removeContainer(container);
    await project?.cleanup();
  });

  const property = (label: string, gap: fc.Arbitrary<number>, opsPerRun: number, runs: number) =>
    it(`${label}: ${runs} runs × ${opsPerRun} random ops`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(opArb, gap), { minLength: opsPerRun, maxLength: opsPerRun }), async (ops) => {
          run++;
          const root = path.join(project.dir, `run${run}`);
          await mkdir(root);
          const rule = syncRule({ path: root, target: `/sync/run${run}`, initialSync: true });
          const errors: string[] = [];
          const session = await startSync({
            container,
            serviceName: 'prop',
            rules: [rule],
            projectDir: project.dir,
            onStatus: (s) => s.error && errors.push(s.error),
          });
          try {
            const model = new HostModel(root);
            for (const [o, wait] of ops) {
              await model.apply(o);
              if (wait) await new Promise((r) => setTimeout(r, wait));
            }
            const result = await untilEqual(container, rule);
            expect(result.container).toEqual(result.host);
            expect(result.host.length).toBeGreaterThan(0);
          } finally {
            await session.close();
          }
          // errors are allowed only if they healed (the trees are equal); none are expected
          expect(errors).toEqual([]);
        }),
        { numRuns: runs, endOnFailure: true, seed: Number(process.env.FOXDEV_SYNC_SEED ?? 20261123) },
      );
    });

  // Bursts: ops back to back (many per quiet period), with rare longer gaps between bursts.
  property('bursts', fc.oneof({ weight: 30, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 30, max: 120 }) }), SIZES[image].ops[0], SIZES[image].runs[0]);
  // Trickles: a change every few to tens of milliseconds, straddling the quiet period.
  property('slow trickles', fc.integer({ min: 2, max: 45 }), SIZES[image].ops[1], SIZES[image].runs[1]);
});
