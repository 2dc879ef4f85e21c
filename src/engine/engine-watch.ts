// When the engine stops answering mid-session (dockerd restarted, the socket gone), every service's
// wait on it ends at once. One watch tells them apart from real exits: it pings the engine, says
// once that it is gone, and waits — shared by all services — until it answers again or a time
// limit passes. The services then start again (the engine stopped them) or fail with that reason.
import { sleep } from '../sleep.js';

export type EngineState = 'up' | 'back' | 'gone';

export interface EngineWatchOptions {
  ping: () => Promise<void>;
  say: (line: string) => void;
  signal: AbortSignal;
  /** How long to wait for the engine to answer again. */
  limitMs: number;
  pollMs?: number;
  now?: () => number;
}

export class EngineWatch {
  private outage?: Promise<boolean>;

  constructor(private readonly o: EngineWatchOptions) {}

  /** After a wait on the engine ended: 'up' (it answers: a real exit), 'back' (it was gone and answers again) or 'gone'. */
  async check(): Promise<EngineState> {
    if (this.outage) return (await this.outage) ? 'back' : 'gone';
    try {
      await this.o.ping();
      return 'up';
    } catch (err) {
      // Several services find out at once: one outage, one message, one wait.
      this.outage ??= this.waitBack(err as Error);
      const back = await this.outage;
      return back ? 'back' : 'gone';
    }
  }

  private async waitBack(err: Error): Promise<boolean> {
    const now = this.o.now ?? Date.now;
    const t0 = now();
    this.o.say(`the engine stopped answering (${err.message.split('\n')[0]}); waiting up to ${secs(this.o.limitMs)} s for it to come back (Ctrl-C stops)`);
    while (!this.o.signal.aborted && now() - t0 < this.o.limitMs) {
      await sleep(this.o.pollMs ?? 500, this.o.signal);
      const ok = await this.o.ping().then(() => true, () => false);
      if (ok) {
        this.o.say(`the engine answers again after ${((now() - t0) / 1000).toFixed(1)} s; starting what it stopped`);
        // The next outage is a new one.
        setTimeout(() => (this.outage = undefined), 2_000).unref?.();
        return true;
      }
    }
    if (!this.o.signal.aborted) this.o.say(`the engine did not come back within ${secs(this.o.limitMs)} s; giving up`);
    return false;
  }
}

const secs = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));
