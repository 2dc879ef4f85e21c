// Pure: checks → the lines doctor prints, and its exit code.
import type { Check } from './checks.js';

export function formatChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  return checks
    .map((c) => `${c.ok ? 'ok  ' : c.required ? 'FAIL' : 'warn'} ${c.name.padEnd(width)}  ${c.detail}`)
    .join('\n');
}

export function doctorExitCode(checks: Check[]): number {
  return checks.some((c) => c.required && !c.ok) ? 1 : 0;
}
