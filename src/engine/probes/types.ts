// One readiness check, run repeatedly by the readiness loop.
export interface ProbeResult {
  ok: boolean;
  /** Shown to the person: "HTTP 503", "connection refused", "exit 1: …". */
  detail: string;
}

export type Probe = (signal: AbortSignal) => Promise<ProbeResult>;
