// `foxdev exec`: the user's terminal wired to a command in the container, raw mode and resizes
// included when interactive; the command's exit code comes back.
import type Docker from 'dockerode';
import { execExitCode } from './exec-exit.js';

export async function execInteractive(
  docker: Docker,
  id: string,
  cmd: string[],
  o: { tty: boolean; detach?: boolean; user?: string; workdir?: string; env?: string[]; privileged?: boolean },
): Promise<number> {
  const attach = !o.detach;
  const exec = await docker.getContainer(id).exec({
    Cmd: cmd,
    AttachStdin: attach,
    AttachStdout: attach,
    AttachStderr: attach,
    Tty: o.tty && attach,
    User: o.user,
    ...(o.env?.length ? { Env: o.env } : {}),
    ...(o.privileged ? { Privileged: true } : {}),
    WorkingDir: o.workdir,
  });
  // As docker exec -d: the engine runs it on its own; nothing waits for its exit.
  if (o.detach) {
    // The engine answers at once; the open response would keep foxdev alive, so it is closed.
    const res = (await exec.start({ Detach: true })) as unknown as { destroy?: () => void } | undefined;
    res?.destroy?.();
    return 0;
  }
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
