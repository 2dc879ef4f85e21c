// Run the built CLI (dist/) as a user would. The e2e tests build first (scripts/test.sh does).
import { execa, type ResultPromise } from 'execa';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function foxdev(args: string[], opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}) {
  return execa('node', ['--', cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { NO_COLOR: '1', ...opts.env },
    reject: false,
    all: true,
    timeout: opts.timeoutMs ?? 170_000,
  });
}

/** Start a long-running foxdev (up in the foreground) and wait for a line of its output. */
export function foxdevBackground(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): {
  child: ResultPromise;
  output: () => string;
  waitFor: (re: RegExp, timeoutMs?: number) => Promise<void>;
} {
  const child = execa('node', ['--', cliPath, ...args], { cwd: opts.cwd ?? repoRoot, env: { NO_COLOR: '1', ...opts.env }, reject: false, all: true, buffer: true });
  let out = '';
  child.all?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  return {
    child,
    output: () => out,
    waitFor: (re, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const t0 = Date.now();
        const tick = () => {
          if (re.test(out)) return resolve();
          if (child.exitCode !== null) return reject(new Error(`foxdev exited (${child.exitCode}) before ${re}:\n${out}`));
          if (Date.now() - t0 > timeoutMs) return reject(new Error(`timed out waiting for ${re}:\n${out}`));
          setTimeout(tick, 100);
        };
        tick();
      }),
  };
}
