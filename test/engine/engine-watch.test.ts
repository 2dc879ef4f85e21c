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

describe('EngineWatch.lost: a wait that hangs on a dead daemon still ends', () => {
  it('the pinger finds the outage while nothing else asks; after it, lost() waits for the next one', async () => {
    let up = true;
    const said: string[] = [];
    const ac = new AbortController();
    const w = new EngineWatch({ ping: async () => { if (!up) throw new Error('socket hang up'); }, say: (l) => said.push(l), signal: ac.signal, limitMs: 5_000, pollMs: 20 });
    let lost = false;
    void w.lost().then(() => (lost = true));
    await new Promise((r) => setTimeout(r, 80));
    expect(lost).toBe(false);
    up = false;
    await new Promise((r) => setTimeout(r, 80));
    expect(lost).toBe(true);
    up = true;
    expect(await w.check()).toBe('back');
    let again = false;
    void w.lost().then(() => (again = true));
    await new Promise((r) => setTimeout(r, 80));
    expect(again).toBe(false);
    ac.abort();
    expect(said.filter((l) => l.startsWith('the engine stopped answering'))).toHaveLength(1);
  });
});
