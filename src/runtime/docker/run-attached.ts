// Run a created container attached to this terminal: attach before start (so no output is
// lost), wire stdin when interactive, wait for the engine's exit code.
import type Docker from 'dockerode';

export async function runAttached(docker: Docker, id: string, o: { tty: boolean; interactive: boolean }): Promise<number> {
  const c = docker.getContainer(id);
  const stream = await c.attach({ stream: true, stdin: o.interactive, stdout: true, stderr: true, hijack: o.interactive });
  const ended = new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
  });
  if (o.tty) stream.pipe(process.stdout);
  else docker.modem.demuxStream(stream, process.stdout, process.stderr);
  // next-exit: the default (not-running) answers at once for a container not started yet.
  const waited = c.wait({ condition: 'next-exit' });
  await c.start();
  const stdin = process.stdin;
  const resize = () => c.resize({ h: process.stdout.rows, w: process.stdout.columns }).catch(() => {});
  if (o.interactive) {
    if (o.tty) {
      stdin.setRawMode?.(true);
      process.stdout.on('resize', resize);
      void resize();
    }
    stdin.pipe(stream);
  }
  const { StatusCode } = (await waited) as { StatusCode: number };
  // The exit comes before the last output; let the stream drain (briefly).
  await Promise.race([ended, new Promise((r) => setTimeout(r, 500))]);
  if (o.interactive) {
    stdin.unpipe(stream);
    if (o.tty) {
      stdin.setRawMode?.(false);
      process.stdout.off('resize', resize);
    }
    stdin.pause();
  }
  return StatusCode;
}
