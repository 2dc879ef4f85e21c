// Service output reaches the store in batches: one `logs` action per ~30 ms (or per 1000 lines)
// instead of one action per line, so a flood costs a few reducer runs a frame, not thousands.
import type { Action } from '../store/actions.js';
import type { LogEntry } from '../store/types.js';

export class LogBatcher {
  private pending: LogEntry[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dispatch: (a: Action) => void,
    private readonly windowMs = 30,
    private readonly maxBatch = 1000,
  ) {}

  push(entry: LogEntry): void {
    this.pending.push(entry);
    if (this.pending.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const entries = this.pending;
    this.pending = [];
    this.dispatch({ type: 'logs', entries });
  }
}
