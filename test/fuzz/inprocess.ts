/**
 * Sends one fuzzed request through the API server in process and checks the invariants: the
 * handler never throws, never answers 5xx, every error is a `Status` whose code is the HTTP
 * status, a rejected request (or an accepted dry run) leaves the store exactly as it was, a
 * watch stream starts, sends well-formed events and stops without leaking its watch, and no
 * built-in prototype is polluted.
 */
import { isStream, type ApiRequest, type ApiResponse } from '../../core/apiserver/request';
import type { Store } from '../../core/storage/store';
import { type Tally, describeRequest, diffSnapshots, pollution, preview, settle, snapshot, statusProblem } from './harness';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/** Removes what a polluting request added to the built-in prototypes (so that one bug is reported once, not ten thousand times). */
export function cleanPrototypes(baseline: { object: Set<string>; array: Set<string> }): void {
  for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!baseline.object.has(k)) delete (Object.prototype as Record<string, unknown>)[k];
  for (const k of Object.getOwnPropertyNames(Array.prototype)) if (!baseline.array.has(k)) delete (Array.prototype as unknown as Record<string, unknown>)[k];
}

/** The fuzzer's in-process driver. */
export class InProcessFuzzer {
  private dirty = true;
  private readonly baseline = { object: new Set(Object.getOwnPropertyNames(Object.prototype)), array: new Set(Object.getOwnPropertyNames(Array.prototype)) };

  constructor(
    private readonly store: Store,
    private readonly handle: (r: ApiRequest) => Promise<ApiResponse>,
    readonly tally: Tally,
  ) {}

  /** Sends one request and checks it. */
  async send(index: number, generator: string, req: ApiRequest): Promise<ApiResponse | undefined> {
    const fail = (problem: string) => this.tally.fail({ index, generator, problem, request: describeRequest(req) });
    if (this.dirty) {
      await settle(this.store);
      this.dirty = false;
    }
    const before = snapshot(this.store);
    const watches = this.store.watchCount();
    let res: ApiResponse;
    try {
      res = await this.handle(req);
    } catch (e) {
      fail(`handle() threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      this.dirty = true;
      return undefined;
    }
    const polluted = pollution();
    if (polluted) {
      fail(`prototype pollution: ${polluted}`);
      cleanPrototypes(this.baseline);
    }
    if (isStream(res)) {
      this.tally.count(generator, 200, true);
      await this.checkStream(res, fail);
      if (this.store.watchCount() !== watches) fail(`watch leaked: ${watches} watches before, ${this.store.watchCount()} after the stream stopped`);
      this.dirty = true;
      return res;
    }
    const code = res.status;
    this.tally.count(generator, code, false);
    if (!Number.isInteger(code) || code < 200 || code > 599) fail(`HTTP status ${String(code)} is not a valid status`);
    if (code >= 500) fail(`answered ${code}: ${preview(res.body)}`);
    if (!(res.body instanceof Uint8Array)) {
      try {
        JSON.stringify(res.body);
      } catch (e) {
        fail(`the answer cannot be serialized: ${(e as Error).message}`);
      }
    }
    if (code >= 400) {
      const bad = statusProblem(code, res.body);
      if (bad) fail(bad);
      const changed = diffSnapshots(before, snapshot(this.store));
      if (changed) fail(`rejected request (${code}) changed the stored state: ${changed}`);
      if (changed) this.dirty = true;
    } else {
      if (WRITES.has(req.method) && req.query['dryRun'] === 'All') {
        const changed = diffSnapshots(before, snapshot(this.store));
        if (changed) fail(`dry-run request (${code}) changed the stored state: ${changed}`);
      }
      this.dirty = true;
    }
    return res;
  }

  private async checkStream(res: ApiResponse & { stream: unknown }, fail: (p: string) => void): Promise<void> {
    if (!isStream(res)) return;
    const events: { type: string; object: unknown }[] = [];
    let stop: (() => void) | undefined;
    try {
      stop = res.stream.start({ send: (e) => events.push(e), end: () => undefined });
    } catch (e) {
      fail(`watch stream start() threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      return;
    }
    await settle(this.store);
    try {
      stop();
    } catch (e) {
      fail(`watch stop() threw: ${(e as Error).message}`);
    }
    for (const e of events) {
      if (!EVENT_TYPES.has(e.type)) fail(`watch event of type ${e.type}`);
      try {
        JSON.stringify(e);
      } catch (err) {
        fail(`watch event cannot be serialized: ${(err as Error).message}`);
      }
      if (e.type === 'ERROR') {
        const s = e.object as { code?: number };
        const bad = statusProblem(s?.code ?? 0, s);
        if (bad || (s.code ?? 0) >= 500) fail(`watch ERROR event: ${bad ?? preview(s)}`);
      }
    }
  }
}
