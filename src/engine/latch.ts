// A condition that becomes true once (or fails once) and can be awaited by any number of
// dependents: "db is healthy", "migrate completed". Reset when the service starts over.
export type LatchState = 'pending' | 'ok' | 'failed';

export class Latch {
  state: LatchState = 'pending';
  reason = '';
  private waiters: Array<() => void> = [];

  resolve(): void {
    if (this.state !== 'pending') return;
    this.state = 'ok';
    this.flush();
  }

  fail(reason: string): void {
    if (this.state !== 'pending') return;
    this.state = 'failed';
    this.reason = reason;
    this.flush();
  }

  reset(): void {
    this.state = 'pending';
    this.reason = '';
  }

  /** Resolves true when ok, false when failed or aborted. */
  wait(signal?: AbortSignal): Promise<boolean> {
    if (this.state !== 'pending') return Promise.resolve(this.state === 'ok');
    return new Promise((resolve) => {
      const onAbort = () => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.state === 'ok');
      });
    });
  }

  private flush(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
