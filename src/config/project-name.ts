// compose's project name rules: lower case letters, digits, "-" and "_", starting with a letter
// or digit. A directory name is cleaned to fit; a name given explicitly must already fit.
import path from 'node:path';
import type { Problem } from '../errors.js';

export function normaliseProjectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

export function isValidProjectName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(name);
}

/**
 * The first name given, in precedence order (-p, COMPOSE_PROJECT_NAME, foxdev `name`, compose
 * `name:`), else the project directory's name.
 */
export function chooseProjectName(given: Array<string | undefined>, dir: string, problems: Problem[]): string {
  const explicit = given.find((n) => n !== undefined);
  if (explicit !== undefined) {
    if (!isValidProjectName(explicit))
      problems.push({ message: `project name "${explicit}" must be lower case letters, digits, "-" and "_", starting with a letter or digit` });
    return explicit;
  }
  return normaliseProjectName(path.basename(dir)) || 'default';
}
