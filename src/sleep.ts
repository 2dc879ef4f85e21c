// The one sleep that waits on an abort signal. It resolves (never rejects) after `ms` or as soon as
// the signal aborts, whichever comes first; callers look at `signal.aborted` afterwards. Its abort
// listener goes away when it resolves either way: a loop that sleeps on one long-lived signal
// (probing, crash-loop backoff, polling) must not pile up listeners (Node warns after ten).
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
