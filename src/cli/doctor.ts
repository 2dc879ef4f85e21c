import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check that the Docker engine, disk and file watching are ready for foxdev')
    .option('--json', 'print the checks as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { engineCheck, diskCheck, inotifyCheck, imagesCheck } = await import('../doctor/checks.js');
      const { formatChecks, doctorExitCode } = await import('../doctor/format.js');
      const { BASE_IMAGES } = await import('../runtime/base-images.js');
      const engine = await engineCheck();
      const checks = [...engine, await diskCheck(process.cwd()), await inotifyCheck()];
      if (engine.every((c) => c.ok)) checks.push(await imagesCheck(BASE_IMAGES));
      process.stdout.write(opts.json ? JSON.stringify(checks, null, 2) + '\n' : formatChecks(checks) + '\n');
      process.exitCode = doctorExitCode(checks);
    });
}
