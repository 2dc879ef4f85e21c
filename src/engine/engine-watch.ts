// When the engine stops answering mid-session (dockerd killed or restarted, the socket gone), the
// services' waits on it may end, fail or simply hang. One watch per session tells an outage from
// a real exit: it pings the engine (also every second while services wait on it, since a wait on a
// dead daemon can hang), says once that it is gone, and waits — shared by all services — until it
// answers again or a time limit passes. The services then start again (the engine stopped them)
// or fail with that reason.
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
  private nextLoss!: Promise<void>;
  private resolveLoss!: () => void;
  private pinger?: NodeJS.Timeout;

  constructor(private readonly o: EngineWatchOptions) {
    this.armLoss();
  }

  /** After a wait on the engine ended: 'up' (it answers: a real exit), 'back' (it was gone and answers again) or 'gone'. */
  async check(): Promise<EngineState> {
    if (!this.outage) {
      const err = await this.pingError();
      if (!err) return 'up';
      this.begin(err);
    }
    return (await this.outage!) ? 'back' : 'gone';
  }

  /** Resolves when an outage begins; race it with a wait on the engine. */
  lost(): Promise<void> {
    this.startPinger();
    return this.nextLoss;
  }

  /** undefined when the engine answers, else why it does not. */
  private pingError(): Promise<Error | undefined> {
    return this.o.ping().then(
      () => undefined,
      (e: Error) => e,
    );
  }

  private armLoss(): void {
    this.nextLoss = new Promise((r) => (this.resolveLoss = r));
  }

  /** Several services find out at once: one outage, one message, one wait. */
  private begin(err: Error): void {
    if (this.outage) return;
    this.outage = this.waitBack(err);
    this.resolveLoss();
  }

  private startPinger(): void {
    if (this.pinger || this.o.signal.aborted) return;
    const tick = async () => {
      if (this.o.signal.aborted) return;
      if (!this.outage) {
        const err = await this.pingError();
        if (err) this.begin(err);
      }
      this.pinger = setTimeout(tick, this.o.pollMs ?? 1000);
      this.pinger.unref?.();
    };
    this.pinger = setTimeout(tick, this.o.pollMs ?? 1000);
    this.pinger.unref?.();
    this.o.signal.addEventListener('abort', () => clearTimeout(this.pinger), { once: true });
  }

  private async waitBack(err: Error): Promise<boolean> {
    const now = this.o.now ?? Date.now;
    const t0 = now();
    this.o.say(`the engine stopped answering (${err.message.split('\n')[0]}); waiting up to ${secs(this.o.limitMs)} s for it to come back (Ctrl-C stops)`);
    while (!this.o.signal.aborted && now() - t0 < this.o.limitMs) {
      await sleep(Math.min(500, this.o.pollMs ?? 500), this.o.signal);
      if (!(await this.pingError())) {
        this.o.say(`the engine answers again after ${((now() - t0) / 1000).toFixed(1)} s; starting what it stopped`);
        // Waits from now on race the next outage; services that check in the next moments get
        // this one's answer.
        this.armLoss();
        setTimeout(() => (this.outage = undefined), 2_000).unref?.();
        return true;
      }
    }
    if (!this.o.signal.aborted) this.o.say(`the engine did not come back within ${secs(this.o.limitMs)} s; giving up`);
    return false;
  }
}

const secs = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));
