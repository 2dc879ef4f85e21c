// The multi-stage Dockerfile for a detected stack: the stack's template, filled with the commands
// that fit the project and the choices in InitOptions.
import { fill, readTemplate } from '../template.js';
import { goVars } from './stacks/go.js';
import { nodeVars } from './stacks/node.js';
import { pythonVars } from './stacks/python.js';
import { staticVars } from './stacks/static.js';
import type { Detected, InitOptions } from './types.js';

function stackVars(d: Detected): Record<string, string | number> {
  switch (d.stack) {
    case 'node':
      return nodeVars(d);
    case 'python':
      return pythonVars(d);
    case 'go':
      return goVars(d);
    case 'static':
      return staticVars(d);
  }
}

export function dockerfile(d: Detected, o: InitOptions): string {
  const name = `${d.stack}.Dockerfile`;
  return fill(readTemplate(`init/${name}`), {
    NAME: `${o.project}-${o.service}`,
    PORT: o.port,
    HEALTH_PATH: o.healthPath,
    UID: o.uid,
    ...stackVars(d),
  }, name);
}

export function dockerignore(d: Detected): string {
  return `${readTemplate('init/dockerignore')}${readTemplate(`init/dockerignore.${d.stack}`)}`;
}
