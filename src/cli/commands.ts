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
import { register as stop } from './stop.js';
import { register as start } from './start.js';
import { register as rm } from './rm.js';
import { register as kill } from './kill.js';
import { register as pause } from './pause.js';
import { register as unpause } from './unpause.js';
import { register as run } from './run.js';
import { register as port } from './port.js';
import { register as wait } from './wait.js';
import { register as ls } from './ls.js';
import { register as images } from './images.js';
import { register as top } from './top.js';
import { register as pull } from './pull.js';
import { register as cp } from './cp.js';
import { register as scale } from './scale.js';
import { register as events } from './events.js';
import { register as stats } from './stats.js';
import { register as version } from './version.js';
import { register as create } from './create.js';
import { register as watch } from './watch.js';

export const commands: Array<(program: Command) => void> = [up, down, ps, logs, exec, restart, build, ci, doctor, config, seed, init, lint, generate, stop, start, rm, kill, pause, unpause, run, port, wait, ls, images, top, pull, cp, events, stats, version, create, watch, scale];
