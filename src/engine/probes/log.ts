import type { Probe } from './types.js';

/** Passes once a line matching `pattern` has been seen since the service (re)started. */
export class LogWatch {
  private seen = false;
  private readonly re: RegExp;
  constructor(readonly pattern: string) {
    this.re = new RegExp(pattern);
  }
  feed(line: string): void {
    if (!this.seen && this.re.test(line)) this.seen = true;
  }
  reset(): void {
    this.seen = false;
  }
  probe(): Probe {
    return async () => ({ ok: this.seen, detail: this.seen ? `log matched /${this.pattern}/` : `no line matching /${this.pattern}/ yet` });
  }
}
