// doctor must not call a socket fine when there is nothing at its path.
import { afterEach, describe, expect, it } from 'vitest';
import { engineCheck } from '../../src/doctor/checks.js';

const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('doctor engine checks', () => {
  it('fails a unix socket that does not exist, and the engine behind it', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const [socket, engine] = await engineCheck();
    expect(socket).toMatchObject({ name: 'socket', ok: false });
    expect(socket.detail).toBe('unix:///nonexistent/docker.sock (from DOCKER_HOST), local: no such socket (is the engine running?)');
    expect(engine).toMatchObject({ name: 'engine', ok: false });
    expect(engine.detail).not.toContain('scripts/');
  });
});
