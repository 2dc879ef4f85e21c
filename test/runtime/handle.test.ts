// Opening a ContainerHandle inside runtime/: a handle the docker runtime did not make (the fake's
// bare { id }) fails with an internal error naming the container, not deep inside a stream.
import { describe, expect, it } from 'vitest';
import { containerOf } from '../../src/runtime/docker/handle.js';
import { FoxdevError } from '../../src/errors.js';

describe('containerOf', () => {
  it('refuses a handle that is not an engine container', () => {
    const err = (() => {
      try {
        containerOf({ id: '0123456789abcdef' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FoxdevError);
    expect((err as FoxdevError).kind).toBe('internal');
    expect((err as Error).message).toBe('container 0123456789ab: not a handle of the docker runtime');
  });
  it('opens one that is', () => {
    const c = { id: 'x', exec: () => undefined, putArchive: () => undefined };
    expect(containerOf(c)).toBe(c);
  });
});
