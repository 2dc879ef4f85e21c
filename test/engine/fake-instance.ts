// A fake Instance for engine unit tests: each start begins a run that the test ends with
// exit(code). Fakes test the engine's decisions fast; the e2e tests prove them on Docker.
import type { Instance } from '../../src/engine/instance.js';

export class FakeInstance implements Instance {
  starts = 0;
  stops = 0;
  private ends: Array<(code: number) => void> = [];
  private pending: Promise<number> = new Promise(() => {});

  async start(): Promise<void> {
    this.starts++;
    this.pending = new Promise<number>((resolve) => this.ends.push(resolve));
  }
  waitExit(): Promise<number> {
    return this.pending;
  }
  /** End the current run with `code`. */
  exit(code: number): void {
    this.ends.shift()?.(code);
  }
  async exec(): Promise<{ exitCode: number; output: string }> {
    return { exitCode: 0, output: '' };
  }
  async stop(): Promise<void> {
    this.stops++;
    this.exit(143);
  }
  async kill(): Promise<void> {
    this.exit(137);
  }
  release(): void {}
}
