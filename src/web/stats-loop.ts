// Resource sampling for the web page: the engine's stats cost a round trip per container (and
// the engine reads twice, a second apart), so they are sampled only while at least one page is
// open, one sample at a time, at most once a second, and the latest is shared by every page.
import type { StatsSample, UnitStats } from './wire.js';

export const STATS_INTERVAL_MS = 1000;

export interface StatsLoop {
  /** A page connected: start sampling if it was not; returns the latest sample, if any. */
  join(): StatsSample | undefined;
  /** A page left: stop when none is left. */
  leave(): void;
  stop(): void;
}

export function statsLoop(sample: () => Promise<Record<string, UnitStats>>, publish: (s: StatsSample) => void, now: () => number = Date.now): StatsLoop {
  let pages = 0;
  let running = false;
  let stopped = false;
  let latest: StatsSample | undefined;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    timer = undefined;
    if (stopped || pages === 0) {
      running = false;
      return;
    }
    const t0 = now();
    try {
      latest = { at: now(), units: await sample() };
      if (!stopped) publish(latest);
    } catch {
      // The engine busy or a container gone mid-sample: the next round tries again.
    }
    if (stopped || pages === 0) {
      running = false;
      return;
    }
    timer = setTimeout(() => void round(), Math.max(0, STATS_INTERVAL_MS - (now() - t0)));
    timer.unref();
  };
  return {
    join() {
      pages++;
      if (!running && !stopped) {
        running = true;
        void round();
      }
      return latest;
    },
    leave() {
      pages = Math.max(0, pages - 1);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
