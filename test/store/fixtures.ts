// Shared action builders for store, logfmt and ui tests.
import type { Action, LogEntry } from '../../src/store/index.js';

export const project = (names: string[] = ['db', 'api', 'web']): Action => ({
  type: 'project/loaded',
  project: {
    name: 'shop',
    services: names.map((name, i) => ({
      name,
      kind: name === 'web' ? 'process' : name === 'migrate' ? 'job' : 'container',
      ports: name === 'api' ? [{ published: 8080, target: 80, protocol: 'tcp' }] : name === 'db' ? [{ target: 5432, protocol: 'tcp' }] : [],
      dependsOn: i === 0 ? [] : [names[i - 1]],
      hasSync: name === 'api',
      hasSeed: name === 'db',
    })),
  },
});

export const log = (service: string, line: string, at = 1000, stream: LogEntry['stream'] = 'stdout'): Action => ({ type: 'log', service, stream, line, at });
