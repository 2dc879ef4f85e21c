// Whose lines `up` shows: compose's --attach / --no-attach / --attach-dependencies rules.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/config/project.js';
import { attachedServices } from '../../src/cli/up-attach.js';

const svc = (deps: string[] = [], attach?: boolean) => ({ depends_on: Object.fromEntries(deps.map((d) => [d, { condition: 'service_started', required: true, restart: false }])), extra: attach === undefined ? {} : { attach } });
const project = { services: { db: svc(), cache: svc([], false), web: svc(['db', 'cache']), worker: svc(['db']) } } as unknown as Project;

describe('attachedServices', () => {
  it('all services but attach: false when nothing is named', () => {
    expect(attachedServices(project, [], {})).toEqual(['db', 'web', 'worker']);
    expect(attachedServices({ services: { a: svc(), b: svc() } } as unknown as Project, [], {})).toBeUndefined();
  });
  it('the named services only; their dependencies with --attach-dependencies (attach: false still out)', () => {
    expect(attachedServices(project, ['web'], {})).toEqual(['web']);
    expect(attachedServices(project, ['web'], { attachDependencies: true })?.sort()).toEqual(['db', 'web']);
  });
  it('--attach names them outright; --no-attach takes out', () => {
    expect(attachedServices(project, [], { attach: ['cache'] })).toEqual(['cache']);
    expect(attachedServices(project, [], { noAttach: ['db', 'nosuch'] })).toEqual(['web', 'worker']);
    expect(attachedServices(project, ['web'], { attachDependencies: true, noAttach: ['db'] })).toEqual(['web']);
  });
  it('compose’s errors', () => {
    expect(() => attachedServices(project, [], { attach: ['web'], attachDependencies: true })).toThrow('cannot combine --attach and --attach-dependencies');
    expect(() => attachedServices(project, [], { attach: ['nosuch'] })).toThrow('cannot attach to services not included in up: nosuch');
    expect(() => attachedServices(project, ['worker'], { attach: ['web'] })).toThrow('cannot attach to services not included in up: web');
    expect(attachedServices(project, ['worker'], { attach: ['db'] })).toEqual(['db']);
  });
});
