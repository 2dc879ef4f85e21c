// `foxdev exec`: the user's terminal wired to a command in the container, raw mode and resizes
// included when interactive; the command's exit code comes back.
import type Docker from 'dockerode';
import { execExitCode } from './exec-exit.js';

export async function execInteractive(
  docker: Docker,
  id: string,
  cmd: string[],
  o: { tty: boolean; user?: string; workdir?: string; env?: string[]; privileged?: boolean },
): Promise<number> {
  const exec = await docker.getContainer(id).exec({
    Cmd: cmd,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: o.tty,
    User: o.user,
    ...(o.env?.length ? { Env: o.env } : {}),
    ...(o.privileged ? { Privileged: true } : {}),
    WorkingDir: o.workdir,
  });
  const stream = await exec.start({ hijack: true, stdin: true, Tty: o.tty });
  const stdin = process.stdin;
  const resize = () => exec.resize({ h: process.stdout.rows, w: process.stdout.columns }).catch(() => {});
  if (o.tty) {
    stdin.setRawMode?.(true);
    process.stdout.on('resize', resize);
    void resize();
    stream.pipe(process.stdout);
  } else {
    docker.modem.demuxStream(stream, process.stdout, process.stderr);
  }
  stdin.pipe(stream);
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
  });
  stdin.unpipe(stream);
  if (o.tty) {
    stdin.setRawMode?.(false);
    process.stdout.off('resize', resize);
  }
  stdin.pause();
  return execExitCode(exec);
}
