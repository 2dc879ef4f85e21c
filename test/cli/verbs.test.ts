// Pure parts of the compose verbs: ps selection, the one-off run spec, up's plan flags.
import { describe, expect, it } from 'vitest';
import { selectPs, statusFilter } from '../../src/cli/ps-select.js';
import type { PsEntry } from '../../src/engine/ps.js';
import { runSpec } from '../../src/plan/run-spec.js';
import { formatPlan, planUp, type Observed } from '../../src/plan/up.js';
import { project } from '../helpers/project.js';

const entry = (service: string, state: string): PsEntry => ({ row: { service, kind: 'container', name: service, state, health: 'none', ports: [], restarts: 0 } });

describe('ps selection', () => {
  const entries = [entry('db', 'running'), entry('migrate', 'exited'), entry('api', 'paused')];
  it('shows running (and paused) by default, everything with -a, by state with --status/--filter', () => {
    expect(selectPs(entries, {}).map((e) => e.row.service)).toEqual(['db', 'api']);
    expect(selectPs(entries, { all: true }).length).toBe(3);
    expect(selectPs(entries, { filter: ['status=exited'] }).map((e) => e.row.service)).toEqual(['migrate']);
    expect(selectPs(entries, { all: true, services: ['db'] }).map((e) => e.row.service)).toEqual(['db']);
  });
  it('refuses filters and states compose does not know', () => {
    expect(() => statusFilter({ filter: ['name=x'] })).toThrow(/unsupported filter name=x/);
    expect(() => statusFilter({ status: ['sleeping'] })).toThrow(/invalid status sleeping/);
  });
});

describe('run spec', () => {
  const p = project({ db: { environment: { A: '1' }, ports: [{ target: 5432, published: 5432, protocol: 'tcp' }] } });
  it('names, labels and overrides the one-off as compose does', () => {
    const s = runSpec(p, p.services.db, 'foxdev/busybox:1', { command: ['echo', 'hi'], env: ['B=2', 'A=3'], user: 'nobody', tty: false, interactive: false, id: 'abcdef123456' });
    expect(s.name).toBe(`${p.name}-db-run-abcdef123456`);
    const labels = s.body.Labels as Record<string, string>;
    expect(labels['com.docker.compose.oneoff']).toBe('True');
    expect(labels['com.docker.compose.service']).toBe('db');
    expect(labels['dev.foxdev.service']).toBeUndefined();
    expect(s.body.Cmd).toEqual(['echo', 'hi']);
    expect(s.body.Env).toEqual(expect.arrayContaining(['A=3', 'B=2']));
    expect(s.body.User).toBe('nobody');
    expect((s.body.HostConfig as Record<string, unknown>).PortBindings).toBeUndefined();
  });
});

describe('up plan flags', () => {
  const p = project({ db: {}, api: { depends_on: { db: 'service_started' } } });
  const hash = planUp(p, { containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] }, ['db', 'api']).services.map((s) => s.hash);
  const observed = (dbHash: string): Observed => ({
    containers: { db: { service: 'db', id: 'c1', hash: dbHash, running: true }, api: { service: 'api', id: 'c2', hash: hash[1]!, running: true } },
    imageBuildHashes: {},
    desiredBuildHashes: {},
    missingVolumes: [],
  });
  it('--force-recreate recreates unchanged containers; --no-recreate keeps changed ones', () => {
    expect(formatPlan(planUp(p, observed(hash[0]!), ['db', 'api'], { forceRecreate: true }))).toMatch(/db +container +recreate \(forced\)\napi +container +recreate \(forced\)/);
    expect(formatPlan(planUp(p, observed('old'), ['db', 'api']))).toMatch(/db +container +recreate \(config changed\)/);
    expect(formatPlan(planUp(p, observed('old'), ['db', 'api'], { noRecreate: true }))).toMatch(/db +container +reuse/);
  });
  it('--no-deps drops gates on services left out', () => {
    expect(planUp(p, observed(hash[0]!), ['api']).services[0].gates.map((g) => g.service)).toEqual(['db']);
    expect(planUp(p, observed(hash[0]!), ['api'], { noDeps: true }).services[0].gates).toEqual([]);
  });
});
