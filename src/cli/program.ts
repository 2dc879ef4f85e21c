// The program: global options, the command table, argv → exit code. Each command lives in its own
// file and is imported lazily, so `foxdev --version` does not pay for loading Ink or dockerode.
import { Command, type Option } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from './commands.js';
import { addTrailingGlobals, globalOptionList } from './global-options.js';
import { applyGlobals } from './apply-globals.js';
import { reportError } from './report.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Commands whose trailing words are a command to run: options there belong to that command. */
const COMMAND_RUNNERS = new Set(['run', 'exec']);

/** The first word of argv (with node and script) that is not a global option or its value. */
function commandWord(argv: readonly string[], globals: readonly Option[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return undefined;
    if (!word.startsWith('-') || word === '-') return word;
    const flag = word.startsWith('--') ? word.split('=')[0] : word.slice(0, 2);
    const o = globals.find((g) => g.long === flag || g.short === flag);
    if (!o) return undefined; // an option commander will refuse, or --help: keep every command whole
    const inline = word.startsWith('--') ? word.includes('=') : word.length > 2;
    if ((o.required || o.optional) && !inline) i++;
  }
  return undefined;
}

export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('foxdev')
    .description('Local multi-service development orchestrator')
    .version(pkg.version, '-V, --version')
    // As compose (cobra with interspersed flags off): the program's options end at the command
    // name, so `logs -f` is the command's --follow, never a compose file.
    .enablePositionalOptions()
    .showHelpAfterError('(run foxdev --help for usage)')
    .exitOverride();
  for (const o of globalOptionList()) program.addOption(o);
  for (const register of commands) register(program);
  // Trailing globals are a dozen options per command (~5 ms for all of them at every start):
  // only the command being run needs them, or every one when argv names none (help, a typo).
  const name = commandWord(argv, program.options);
  const invoked = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
  for (const sub of invoked ? [invoked] : program.commands) if (!COMMAND_RUNNERS.has(sub.name())) addTrailingGlobals(sub);
  program.hook('preAction', (_root, action) => applyGlobals(action));
  return program;
}

/** argv (with node and script, as process.argv) → exit code; errors are reported, not thrown. */
export async function runCli(argv: string[]): Promise<number> {
  // React's development build is several times slower; the dashboard is imported lazily, after this.
  process.env.NODE_ENV ??= 'production';
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // commander signals --help / --version / usage errors by throwing with a code. `foxdev` alone
    // prints the help and exits 0, as compose does; an unknown command or option is a usage error.
    const code = (err as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help' ? 0 : 2;
    }
    return reportError(err);
  }
}

