// How a service's state reads in words, shared by the dashboard's list and the plain printer's
// status lines so both say the same thing.

import type { Health, Phase, SeedState } from '../store/index.js';
import { formatDuration } from './time.js';

/** good: green, busy: yellow, bad: red, idle: grey. */
export type Tone = 'good' | 'busy' | 'bad' | 'idle';

export function phaseLabel(phase: Phase, exitCode?: number): string {
  if ((phase === 'exited' || phase === 'failed') && exitCode !== undefined) return `${phase} (${exitCode})`;
  return phase;
}

export function phaseTone(phase: Phase, exitCode?: number): Tone {
  switch (phase) {
    case 'ready':
    case 'completed':
      return 'good';
    case 'building':
    case 'creating':
    case 'starting':
    case 'waiting':
    case 'running':
    case 'stopping':
      return 'busy';
    case 'unhealthy':
    case 'crash-loop':
    case 'failed':
      return 'bad';
    case 'exited':
      return exitCode !== undefined && exitCode !== 0 ? 'bad' : 'idle';
    case 'pending':
    case 'stopped':
      return 'idle';
  }
}

export function healthTone(health: Health): Tone {
  return health === 'healthy' ? 'good' : health === 'unhealthy' ? 'bad' : health === 'starting' ? 'busy' : 'idle';
}

export function seedTone(state: SeedState): Tone {
  return state === 'seeded' ? 'good' : state === 'failed' ? 'bad' : 'busy';
}

export interface PhaseEvent {
  phase: Phase;
  at: number;
  reason?: string;
  exitCode?: number;
  nextRetryAt?: number;
}

/**
 * One line about a phase: "ready", "exited (1)", "waiting for db: healthy — last probe: …",
 * "crash-loop — next try in 5s: <reason>". `now` is when the line is shown (for countdowns).
 */
export function describePhase(ev: PhaseEvent, now: number = ev.at): string {
  const label = phaseLabel(ev.phase, ev.exitCode);
  const parts = [label];
  if (ev.phase === 'crash-loop') {
    if (ev.exitCode !== undefined) parts.push(`last exit ${ev.exitCode}`);
    if (ev.nextRetryAt !== undefined) parts.push(ev.nextRetryAt > now ? `next try in ${formatDuration(ev.nextRetryAt - now + 999)}` : 'retrying now');
  }
  let text = parts.join(' — ');
  if (ev.reason) {
    // A waiting reason already starts with "waiting for …": do not say "waiting" twice.
    text = ev.phase === 'waiting' && ev.reason.startsWith('waiting') ? ev.reason : `${text}: ${ev.reason}`;
  }
  return text;
}
