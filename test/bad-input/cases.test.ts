// Issue 14's bad-input table: every mistake gets one clear first line and the right exit code,
// never a stack trace and never exit 70 (an internal error). The cases run the built CLI, 4 at a
// time (each spawns node); the test builds nothing, so `npm run build` first.
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from './cases.js';
import { pool, runCase, type CaseResult } from './run-case.js';

const live = cases.filter((c) => !c.todo);
const results = new Map<string, CaseResult>();

describe('bad input', () => {
  beforeAll(async () => {
    const got = await pool(live, 4, runCase);
    live.forEach((c, i) => results.set(c.name, got[i]!));
  }, 240_000);

  it('has at least 120 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    if (c.todo) {
      it.todo(`${c.name} (todo: ${c.todo})`);
      continue;
    }
    it(c.name, () => {
      const r = results.get(c.name)!;
      expect(r.stderr).not.toContain('\n    at ');
      expect(r.exit).not.toBe(70);
      expect({ exit: r.exit, first: r.first }).toEqual({ exit: c.exit, first: typeof c.first === 'string' ? c.first : expect.stringMatching(c.first) });
    });
  }
});
