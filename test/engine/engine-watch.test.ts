import { describe, expect, it } from 'vitest';
import { EngineWatch } from '../../src/engine/engine-watch.js';

function engine(downFor: number) {
  let calls = 0;
  return {
    ping: async () => {
      calls++;
      if (calls > 1 && calls <= 1 + downFor) throw new Error('connect ENOENT /var/run/docker.sock');
      if (calls === 1) return; // the first check: answering
    },
  };
}

describe('EngineWatch: an engine outage told apart from an exit', () => {
  it('answers: up; gone for a while: every service waits on one outage, one message, then back', async () => {
    const said: string[] = [];
    const e = engine(3);
    const w = new EngineWatch({ ping: e.ping, say: (l) => said.push(l), signal: new AbortController().signal, limitMs: 5_000, pollMs: 10 });
    expect(await w.check()).toBe('up');
    expect(await Promise.all([w.check(), w.check(), w.check()])).toEqual(['back', 'back', 'back']);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^the engine stopped answering \(connect ENOENT \/var\/run\/docker\.sock\); waiting up to 5\.0 s/);
    expect(said[1]).toMatch(/^the engine answers again after \d+\.\d s/);
  });
  it('not back within the limit: gone', async () => {
    const said: string[] = [];
    const w = new EngineWatch({ ping: () => Promise.reject(new Error('down')), say: (l) => said.push(l), signal: new AbortController().signal, limitMs: 100, pollMs: 20 });
    expect(await w.check()).toBe('gone');
    expect(said.at(-1)).toBe('the engine did not come back within 0.1 s; giving up');
  });
});
