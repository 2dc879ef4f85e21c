// The command table. One file per command; each exports `register(program)` and imports its
// implementation lazily inside the action.
import type { Command } from 'commander';
import { register as doctor } from './doctor.js';
import { register as up } from './up.js';
import { register as down } from './down.js';
import { register as ps } from './ps.js';
import { register as logs } from './logs.js';
import { register as exec } from './exec.js';
import { register as restart } from './restart.js';
import { register as build } from './build.js';
import { register as ci } from './ci.js';
import { register as config } from './config.js';
import { register as seed } from './seed.js';
import { register as init } from './init.js';
import { register as lint } from './lint.js';
import { register as generate } from './generate.js';

export const commands: Array<(program: Command) => void> = [up, down, ps, logs, exec, restart, build, ci, doctor, config, seed, init, lint, generate];
