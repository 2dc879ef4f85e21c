// compose's orphan rule (pkg/compose/containers.go isOrphaned) and its settings, as pure data.
import { describe, expect, it } from 'vitest';
import { ignoreOrphansSet, orphanWarning, orphansOf, removeOrphansSet } from '../../src/plan/orphans.js';

const c = (name: string, service: string, state: string, oneoff = false) => ({
  name,
  state,
  labels: { 'com.docker.compose.service': service, 'com.docker.compose.oneoff': oneoff ? 'True' : 'False' },
});

describe('orphansOf', () => {
  const project = { services: { web: {} as never }, disabledServices: ['debug'] };
  it('exited one-offs and containers of services no longer defined; not running one-offs, services of an inactive profile', () => {
    const list = [c('p-web-1', 'web', 'running'), c('p-old-1', 'old', 'exited'), c('p-debug-1', 'debug', 'running'), c('p-web-run-a', 'web', 'exited', true), c('p-web-run-b', 'web', 'running', true), c('p-web-run-c', 'web', 'dead', true)];
    expect(orphansOf(project, list).map((x) => x.name)).toEqual(['p-old-1', 'p-web-run-a', 'p-web-run-c']);
  });
  it('settings read as compose parses booleans', () => {
    expect(removeOrphansSet({ composeVars: { COMPOSE_REMOVE_ORPHANS: 'true' } })).toBe(true);
    expect(removeOrphansSet({ composeVars: { COMPOSE_REMOVE_ORPHANS: '0' } })).toBe(false);
    expect(ignoreOrphansSet({ composeVars: { COMPOSE_IGNORE_ORPHANS: 'True' } })).toBe(true);
    expect(ignoreOrphansSet({})).toBe(false);
  });
  it("compose's warning word for word", () => {
    expect(orphanWarning(['a', 'b'])).toBe('Found orphan containers (a, b) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.');
  });
});
