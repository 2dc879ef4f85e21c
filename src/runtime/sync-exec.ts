// Running a command inside a container for sync: capture its output (tree listings, rm) as bytes
// or stream it line by line (a rule's `exec`), optionally feeding stdin (exec-tar transport). The
// exec itself (create, attach, exit code) is docker/exec.ts's, the one exec helper.
import { Writable } from 'node:stream';
import type { ContainerHandle } from './container-handle.js';
import { containerOf } from './docker/handle.js';
import { FoxdevError } from '../errors.js';
import { execIn as runExec } from './docker/exec.js';

export interface ExecResult {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

export interface ExecOptions {
  stdin?: Buffer;
  /** Called per complete output line (stdout and stderr alike) while the command runs. */
  onLine?: (line: string) => void;
  workingDir?: string;
}

function lineSplitter(onLine: (line: string) => void): { push(b: Buffer): void; end(): void } {
  let rest = '';
  return {
    push(b) {
      const parts = (rest + b.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) onLine(p.replace(/\r$/, ''));
    },
    end() {
      if (rest) onLine(rest);
      rest = '';
    },
  };
}

/** One command through the exec helper every caller shares (docker/exec.ts), with Buffer output. */
export async function execIn(container: ContainerHandle, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const out: Buffer[] = [];
  const lines = opts.onLine ? lineSplitter(opts.onLine) : undefined;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk);
      lines?.push(chunk);
      done();
    },
  });
  let r: { exitCode: number; stderr: string };
  try {
    r = await runExec(containerOf(container), cmd, { stdin: opts.stdin, workdir: opts.workingDir, stdout: sink, onStderr: opts.onLine });
  } catch (err) {
    throw err instanceof FoxdevError && err.kind === 'engine' ? new FoxdevError('sync', err.message, { cause: err }) : err;
  }
  lines?.end();
  return { exitCode: r.exitCode, stdout: Buffer.concat(out), stderr: Buffer.from(r.stderr, 'utf8') };
}

/** execIn that throws a FoxdevError('sync') naming the command when it exits non-zero. */
export async function execOk(container: ContainerHandle, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const r = await execIn(container, cmd, opts);
  if (r.exitCode !== 0) {
    const msg = r.stderr.toString('utf8').trim().split('\n').slice(-3).join(' / ');
    throw new FoxdevError('sync', `\`${cmd.join(' ').slice(0, 120)}\` exited ${r.exitCode} in the container${msg ? `: ${msg}` : ''}`);
  }
  return r;
}
