/**
 * client-go's flowcontrol.Backoff as the kubelet uses it: for container restarts (CrashLoopBackOff)
 * and image pulls (ImagePullBackOff) — 10 s doubling up to 5 min, forgotten when an entry has
 * not been touched for twice the maximum (so a container that ran 10 minutes starts over at 10 s).
 */

/** The kubelet's initial back-off (backOffPeriod). */
export const BACKOFF_INITIAL_MS = 10_000;
/** The kubelet's maximum back-off (MaxContainerBackOff). */
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

/** A back-off per key. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = BACKOFF_INITIAL_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  /** The current back-off of a key (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Records an event at `at`: the first, or one after a long quiet, starts at the initial back-off; others double it. */
  next(key: string, at: number): void {
    const e = this.entries.get(key);
    if (!e || at - e.lastUpdate > 2 * this.maxMs) this.entries.set(key, { backoff: this.initialMs, lastUpdate: at });
    else this.entries.set(key, { backoff: Math.min(e.backoff * 2, this.maxMs), lastUpdate: at });
  }

  /** Whether `now` is within the back-off that started at `eventTime` (IsInBackOffSince). */
  inBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) return false;
    return now - eventTime < e.backoff;
  }

  /** Whether `now` is within the back-off since the key's last update (IsInBackOffSinceUpdate). */
  inBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) return false;
    return now - e.lastUpdate < e.backoff;
  }

  /** When the back-off since `eventTime` ends. */
  until(key: string, eventTime: number): number {
    return eventTime + this.get(key);
  }

  /** Forgets keys with a prefix (a pod's, when it goes). */
  forgetPrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
