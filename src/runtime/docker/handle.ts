// Opening a ContainerHandle (runtime/container-handle.ts): on the Engine API the handle is the
// client's container object itself, so opening it is a checked cast. The check turns a handle
// that did not come from the docker runtime (a fake's, a hand-made { id }) into a clear internal
// error instead of "putArchive is not a function" deep in a stream.
import type Docker from 'dockerode';
import type { ContainerHandle } from '../container-handle.js';
import { FoxdevError } from '../../errors.js';

export function containerOf(h: ContainerHandle): Docker.Container {
  const c = h as Partial<Docker.Container>;
  if (typeof c.putArchive !== 'function' || typeof c.exec !== 'function') {
    throw new FoxdevError('internal', `container ${h.id.slice(0, 12)}: not a handle of the docker runtime`);
  }
  return c as Docker.Container;
}

export const handleOf = (c: Docker.Container): ContainerHandle => c;
