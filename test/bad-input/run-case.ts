// Run one bad-input case: its files in a fresh temp dir, the built CLI with `-C <dir>`.
import { execa } from 'execa';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliPath } from '../helpers/cli.js';
import type { BadInputCase } from './cases.js';

export interface CaseResult { exit: number; first: string; stderr: string; stdout: string }

export async function runCase(c: BadInputCase): Promise<CaseResult> {
  const dir = await mkdtemp(join(tmpdir(), 'foxdev-bad-'));
  try {
    for (const [rel, content] of Object.entries(c.files)) {
      const file = join(dir, rel);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const r = await execa('node', ['--', cliPath, '-C', dir, ...c.args], {
      cwd: dir,
      env: { NO_COLOR: '1', ...c.env },
      reject: false,
      timeout: 30_000,
      input: '',
    });
    const stderr = String(r.stderr).split(dir).join('<dir>');
    const first = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
    return { exit: r.exitCode ?? -1, first, stderr, stdout: String(r.stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Run fn over items, at most `limit` at a time (each case spawns node: ~0.3 s of one core). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]!); }
  }));
  return out;
}
