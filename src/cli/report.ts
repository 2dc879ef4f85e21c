// How an error reaches a person: one line per problem, a hint, never a stack trace for a user
// mistake. Bugs (non-FoxdevError) keep their stack, because then the stack is the useful part.
import { ConfigError, FoxdevError, exitCodeFor, formatProblem } from '../errors.js';
import { engineMessage, statusOf } from '../runtime/runtime.js';

export function reportError(err: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (err instanceof ConfigError && err.problems.length > 1) {
    write(`foxdev: ${err.message}:\n`);
    for (const p of err.problems) write(`  ${formatProblem(p)}\n`);
  } else if (err instanceof FoxdevError) {
    write(`foxdev: ${err.message}\n`);
  } else if (statusOf(err) !== undefined) {
    // The engine refused a call no verb expected to fail (a container whose command is not in its
    // image, a daemon-side conflict): the engine's words are the useful part, as compose prints them.
    write(`foxdev: Error response from daemon: ${engineMessage(err)}\n`);
    return 1;
  } else {
    write(`foxdev: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    write('  this is a bug in foxdev, not in your project: please report it with the command you ran and this output\n');
  }
  if (err instanceof FoxdevError && err.hint) write(`  hint: ${err.hint}\n`);
  return exitCodeFor(err);
}
