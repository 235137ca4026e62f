/**
 * Waiting on one object through the API as client-go's watch tools do: list it (a field selector
 * on its name), look at what the list shows, then watch from that resourceVersion until a
 * condition holds, the deadline passes or Ctrl-C — listing again when the server ends the watch,
 * as a reflector does. Used by `kubectl wait` and `kubectl rollout status`.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';

/** A failure of one object (kubectl prints them all at the end). */
export class WaitError extends Error {
  constructor(
    message: string,
    /** An error from the server prints as it is; kubectl prefixes the others with `error: ` when alone. */
    readonly fromServer = false,
  ) {
    super(message);
  }
}

/** Ctrl-C ended the wait. */
export class Interrupted extends Error {}

/** One object to wait for: as the server answered it, or the error of getting it. */
export interface Info {
  type: ApiType;
  namespace: string;
  name: string;
  obj?: KubeObject;
  error?: WaitError;
  notFound?: boolean;
}


/** A watch-based wait: resolves with the object that satisfied `done`, or rejects. */
export class Waiter {
  constructor(
    private readonly k: Kubectl,
    private readonly expired: { value: boolean; promise: Promise<void> },
    /**
     * Without a clock the deadline is at once: the first list of an object is still looked at,
     * until one object has waited (timed out) — kubectl's deadline is shared by the objects it
     * waits for one after the other, and the ones after a wait that used it up time out unseen.
     */
    private readonly clock: boolean,
    /** What a time-out says (kubectl wait names the object; watchtools.UntilWithSync does not). */
    private readonly timedOut: (info: Info) => string = (info) => `timed out waiting for the condition on ${info.type.resource}/${info.name}`,
  ) {}

  /** Without a clock: whether an object has used the deadline up. */
  private spent = false;

  private timeout(info: Info): WaitError {
    this.spent = true;
    return new WaitError(this.timedOut(info));
  }

  /**
   * Lists the object (by a field selector on its name), checks `done` on what the list shows,
   * then watches until `done` answers an object, the deadline passes or Ctrl-C.
   * `missing` decides what a list without the object means (an error, or done).
   */
  async until(info: Info, done: (type: string, obj: Record<string, unknown>) => boolean, missing: () => Record<string, unknown> | undefined, watchError?: string): Promise<Record<string, unknown>> {
    const k = this.k;
    const fieldSelector = `metadata.name=${info.name}`;
    const path = resourcePath(info.type, info.namespace);
    for (let first = true; ; first = false) {
      if (this.expired.value && (this.clock || this.spent || !first)) throw this.timeout(info);
      const list = await k.send('GET', path, { fieldSelector });
      if (list.status >= 400) throw new WaitError(serverError(list.body), true);
      const body = list.body as { items?: Record<string, unknown>[]; metadata?: { resourceVersion?: string } };
      const item = body.items?.[0];
      if (!item) {
        const answer = missing();
        if (answer) return answer;
      } else if (done('ADDED', item)) return item;
      if (this.expired.value) throw this.timeout(info);
      const stream = k.deps.stream;
      if (!stream) throw new CommandError('error: watch is not supported by this terminal');
      let result: Record<string, unknown> | undefined;
      let failure: unknown;
      const handle = stream(path, { fieldSelector, watch: 'true', resourceVersion: body.metadata?.resourceVersion ?? '' }, 'application/json', (data) => {
        if (result || failure) return;
        const ev = data as { type?: string; object?: Record<string, unknown> };
        if (ev.type === 'ERROR') {
          if (watchError) k.io.err(`${watchError}${(ev.object as { message?: string } | undefined)?.message ?? ''}`);
          return;
        }
        if (!ev.object || ev.type === 'BOOKMARK') return;
        try {
          if (done(ev.type ?? '', ev.object)) {
            result = ev.object;
            handle.stop();
          }
        } catch (e) {
          failure = e;
          handle.stop();
        }
      });
      let interrupted = false;
      k.signal?.addEventListener('abort', () => {
        interrupted = true;
        handle.stop();
      });
      if (k.signal?.aborted) {
        interrupted = true;
        handle.stop();
      }
      void this.expired.promise.then(() => handle.stop());
      const end = await handle.done;
      if (failure) throw failure;
      if (result) return result;
      if (interrupted) throw new Interrupted();
      if (end && end.status >= 400) throw new WaitError(serverError(end.body), true);
      // The server ended the watch (or the deadline stopped it): list again, as a reflector does.
    }
  }
}


/**
 * The deadline of a command that waits `timeoutMs` (0: never) of the client's wall time: a
 * `deps.sleep` timer; a front end without `sleep` has no time to wait (the deadline is at once,
 * and the Waiter still looks at the first list).
 */
export function deadline(k: Kubectl, timeoutMs: number): { expired: { value: boolean; promise: Promise<void> }; clock: boolean } {
  const expired = { value: false, promise: new Promise<void>(() => undefined) };
  if (timeoutMs > 0) expired.promise = k.deps.sleep ? k.deps.sleep(timeoutMs) : Promise.resolve();
  void expired.promise.then(() => (expired.value = true));
  if (timeoutMs > 0 && !k.deps.sleep) expired.value = true;
  return { expired, clock: Boolean(k.deps.sleep) };
}
