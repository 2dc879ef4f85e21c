// Loads dockerode without the parts foxdev never uses at start-up. dockerode 4 requires, at load
// time, its BuildKit session (@grpc/grpc-js + @grpc/proto-loader + protobufjs: only for
// `buildImage({ version: '2' })`) and docker-modem requires ssh2 (only for ssh:// hosts). Those
// requires were ~60% of loading dockerode (250–450 ms of every `foxdev up`/`down`/`logs` on our
// 2-core machines). Both modules export a single function, so each is replaced in the require
// cache by a stand-in that loads the real module the first time it is called.
import Module, { createRequire } from 'node:module';
import type Docker from 'dockerode';

const require = createRequire(import.meta.url);

/** Put a lazy stand-in for the single-function CommonJS module at `path` into the require cache. */
function deferFunctionModule(path: string): void {
  if (require.cache[path]) return; // already loaded for real
  let real: ((...args: unknown[]) => unknown) | undefined;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = function deferred(this: unknown, ...args: unknown[]): unknown {
    if (!real) {
      // Load the real module once, then leave it in the cache for anyone else.
      delete require.cache[path];
      real = require(path) as (...a: unknown[]) => unknown;
    }
    return real.apply(this, args);
  };
  require.cache[path] = stub;
}

let loaded: typeof Docker | undefined;

export function loadDockerode(): typeof Docker {
  if (loaded) return loaded;
  try {
    const entry = require.resolve('dockerode');
    const fromDockerode = createRequire(entry);
    deferFunctionModule(fromDockerode.resolve('./session.js'));
    deferFunctionModule(createRequire(fromDockerode.resolve('docker-modem')).resolve('./ssh.js'));
  } catch {
    // A dockerode layout we do not know: load it whole, which is only slower.
  }
  loaded = require('dockerode') as typeof Docker;
  return loaded;
}
