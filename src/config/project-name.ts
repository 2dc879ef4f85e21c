// compose's project name rules: lower case letters, digits, "-" and "_", starting with a letter
// or digit. A directory name is cleaned to fit; a name given explicitly must already fit.

export function normaliseProjectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

export function isValidProjectName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(name);
}
