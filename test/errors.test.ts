import { describe, expect, it } from 'vitest';
import { ConfigError, FoxdevError, exitCodeFor, formatProblem } from '../src/errors.js';
import { reportError } from '../src/cli/report.js';

describe('error base class and exit codes', () => {
  it('maps kinds to exit codes', () => {
    expect(exitCodeFor(new FoxdevError('usage', 'x'))).toBe(2);
    expect(exitCodeFor(new ConfigError([{ message: 'x' }]))).toBe(2);
    expect(exitCodeFor(new FoxdevError('engine', 'x'))).toBe(1);
    expect(exitCodeFor(new FoxdevError('cancelled', 'x'))).toBe(130);
    expect(exitCodeFor(new Error('bug'))).toBe(70);
  });

  it('formats a problem with file, position and key path', () => {
    expect(formatProblem({ file: 'compose.yaml', line: 3, column: 5, path: 'services.api.ports[0]', message: 'expected a port' })).toBe(
      'compose.yaml:3:5: services.api.ports[0]: expected a port',
    );
  });

  it('reports every config problem on its own line, with no stack trace', () => {
    let out = '';
    const code = reportError(
      new ConfigError([{ path: 'a', message: 'one' }, { path: 'b', message: 'two' }], { hint: 'fix them' }),
      (s) => (out += s),
    );
    expect(code).toBe(2);
    expect(out).toBe('foxdev: 2 problems in the configuration:\n  a: one\n  b: two\n  hint: fix them\n');
    expect(out).not.toMatch(/\bat \w+ \(/);
  });

  it("reports an engine refusal no verb expected in the engine's words, exit 1, no stack", () => {
    let out = '';
    const err = Object.assign(new Error('(HTTP code 400) unexpected - failed to create shim task: exec: "printenv": executable file not found in $PATH: unknown '), {
      statusCode: 400,
      json: { message: 'failed to create shim task: exec: "printenv": executable file not found in $PATH: unknown' },
    });
    expect(reportError(err, (s) => (out += s))).toBe(1);
    expect(out).toBe('foxdev: Error response from daemon: failed to create shim task: exec: "printenv": executable file not found in $PATH: unknown\n');
  });
});
