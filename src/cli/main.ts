#!/usr/bin/env -S node --
// Entry point: argv → exit code (the program itself is in program.ts, which tests import).
// `foxdev --version` alone is answered before commander and the command modules load: it is
// the call scripts make most often, and loading the program is most of its time.
// The shebang's `node --`: Node 20 reads `--env-file` anywhere in argv, even after the script,
// and would take compose's `foxdev --env-file x` for its own; after `--` it leaves them alone.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const [{ runCli }, { reportError }] = await Promise.all([import('./program.js'), import('./report.js')]);
  runCli(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.exitCode = reportError(err);
    },
  );
}
