// Shared by the end-to-end tests: they need a real engine. Locally they skip with a reason when
// none answers; in CI (CI=true) they fail, so a missing engine can never pass as green.
import { dockerClient } from '../../src/runtime/docker-client.js';

export async function engineAnswers(): Promise<boolean> {
  try {
    await dockerClient().ping();
    return true;
  } catch {
    return false;
  }
}

/** Call at the top of an e2e file: `const hasEngine = await requireEngine();` then `describe.runIf(hasEngine)`. */
export async function requireEngine(): Promise<boolean> {
  const ok = await engineAnswers();
  if (!ok && process.env.CI === 'true') {
    throw new Error('CI=true but no Docker engine answers; run bash scripts/engine.sh');
  }
  return ok;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** GET a URL with node:http (fetch refuses some ports the tests use on purpose, e.g. 4190). */
export async function httpGet(url: string): Promise<string> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
