import { describe, expect, it } from 'vitest';
import { startGate, type ContainerNow } from '../../src/plan/start-gate.js';

const c = (over: Partial<ContainerNow>): ContainerNow => ({ service: 'db', name: 'p-db-1', status: 'running', exitCode: 0, health: '', ...over });

describe('startGate: a dependency as the engine reports it, against its condition', () => {
  it('service_completed_successfully waits while running, then passes on 0 and fails on anything else', () => {
    expect(startGate('service_completed_successfully', c({}))).toEqual({ kind: 'wait' });
    expect(startGate('service_completed_successfully', c({ status: 'exited' }))).toEqual({ kind: 'met' });
    expect(startGate('service_completed_successfully', c({ status: 'exited', exitCode: 3 }))).toEqual({
      kind: 'failed',
      message: `service "db" didn't complete successfully: exit 3`,
    });
  });
  it('service_healthy waits for starting, passes on healthy, fails on unhealthy, exited, or no healthcheck', () => {
    expect(startGate('service_healthy', c({ health: 'starting' }))).toEqual({ kind: 'wait' });
    expect(startGate('service_healthy', c({ health: 'healthy' }))).toEqual({ kind: 'met' });
    expect(startGate('service_healthy', c({ health: 'unhealthy' }))).toMatchObject({ kind: 'failed', message: expect.stringMatching(/is unhealthy/) });
    expect(startGate('service_healthy', c({ status: 'exited', exitCode: 1, health: 'unhealthy' }))).toMatchObject({ message: expect.stringMatching(/exited \(1\)/) });
    expect(startGate('service_healthy', c({}))).toMatchObject({ message: expect.stringMatching(/has no healthcheck configured/) });
  });
  it('service_started is met once started, whatever the container did next', () => {
    expect(startGate('service_started', c({ status: 'exited', exitCode: 1 }))).toEqual({ kind: 'met' });
  });
});
