/**
 * Drives the cluster's LabClock with a real timer: it sleeps until the next simulated timer is
 * due (scaled by the clock's speed) and fires it. core/ never touches real timers itself.
 */
import type { LabClock } from '../../core/clock/clock';

/** The real-time driver of a LabClock. */
export class ClockDriver {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly clock: LabClock) {}

  /** Starts firing timers. */
  start(): void {
    this.running = true;
    this.clock.onScheduleChange = () => this.schedule();
    this.schedule();
  }

  /** Stops firing timers. */
  stop(): void {
    this.running = false;
    this.clock.onScheduleChange = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const delay = this.clock.realDelayToNext();
    if (delay === undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.clock.runDue();
        this.schedule();
      },
      Math.min(Math.ceil(delay), 2 ** 31 - 1),
    );
  }
}
