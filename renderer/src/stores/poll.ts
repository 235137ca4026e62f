// A repeating task for the stores that poll the lab API: runs `task` now, then every
// `intervalMs` after each run ends (never two at once). Stores use it; components never do.

/** A poller: start (idempotent), stop, and `now()` to run the task at once. */
export interface Poller {
  start(): void;
  stop(): void;
  now(): Promise<void>;
}

export function poller(intervalMs: number, task: () => Promise<void>): Poller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let inFlight: Promise<void> | null = null;

  function schedule(): void {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => void now(), intervalMs);
  }

  function now(): Promise<void> {
    inFlight ??= task()
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        schedule();
      });
    return inFlight;
  }

  return {
    start() {
      if (running) return;
      running = true;
      void now();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
    now,
  };
}
