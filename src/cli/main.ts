#!/usr/bin/env node
// Entry point: argv → exit code (the program itself is in program.ts, which tests import).
import { runCli } from './program.js';
import { reportError } from './report.js';

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.exitCode = reportError(err);
  },
);
