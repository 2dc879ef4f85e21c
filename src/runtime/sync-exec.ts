// Running a command inside a container for sync: capture its output (tree listings, rm) or
// stream it line by line (a rule's `exec`), optionally feeding stdin (exec-tar transport).
import { PassThrough, type Readable } from 'node:stream';
import type Docker from 'dockerode';
import { FoxdevError } from '../errors.js';
import { execExitCode } from './docker/exec-exit.js';

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

export async function execIn(container: Docker.Container, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  let exec: Docker.Exec;
  let stream: NodeJS.ReadWriteStream;
  try {
    exec = await container.exec({
      Cmd: cmd,
      AttachStdout: true,
      AttachStderr: true,
      AttachStdin: opts.stdin !== undefined,
      WorkingDir: opts.workingDir,
    });
    stream = await exec.start({ hijack: opts.stdin !== undefined, stdin: opts.stdin !== undefined });
  } catch (err) {
    throw new FoxdevError('sync', `cannot run \`${cmd.join(' ')}\` in container ${container.id.slice(0, 12)}: ${(err as Error).message}`, { cause: err });
  }
  const out: Buffer[] = [];
  const errs: Buffer[] = [];
  const lines = opts.onLine ? lineSplitter(opts.onLine) : undefined;
  const o = new PassThrough();
  const e = new PassThrough();
  o.on('data', (b: Buffer) => (out.push(b), lines?.push(b)));
  e.on('data', (b: Buffer) => (errs.push(b), lines?.push(b)));
  container.modem.demuxStream(stream, o, e);
  const done = new Promise<void>((resolve, reject) => {
    (stream as unknown as Readable).on('end', resolve);
    (stream as unknown as Readable).on('close', resolve);
    (stream as unknown as Readable).on('error', reject);
  });
  if (opts.stdin !== undefined) {
    stream.write(opts.stdin);
    stream.end(); // half-close: the command sees EOF on stdin
  }
  await done;
  lines?.end();
  return { exitCode: await execExitCode(exec), stdout: Buffer.concat(out), stderr: Buffer.concat(errs) };
}

/** execIn that throws a FoxdevError('sync') naming the command when it exits non-zero. */
export async function execOk(container: Docker.Container, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const r = await execIn(container, cmd, opts);
  if (r.exitCode !== 0) {
    const msg = r.stderr.toString('utf8').trim().split('\n').slice(-3).join(' / ');
    throw new FoxdevError('sync', `\`${cmd.join(' ').slice(0, 120)}\` exited ${r.exitCode} in the container${msg ? `: ${msg}` : ''}`);
  }
  return r;
}
