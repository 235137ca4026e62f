/**
 * Shared informers, as client-go's SharedInformerFactory: every controller of the controller
 * manager that watches pods shares one pods informer (one LIST, one WATCH, one cache), so that
 * a cluster of 30,000 pods is cached once, not once per controller.
 */
import type { KubeObject } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client, ResourceRef } from './client';
import { Informer } from './informer';

/** The informers of one component, keyed by resource (and selector). */
export class SharedInformerFactory {
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private started = false;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
  ) {}

  /**
   * The shared informer of a resource (across all namespaces), created on first use. Ask for
   * informers (and add handlers) before `start()`; an informer asked for later starts at once.
   */
  informer<T extends KubeObject>(ref: Omit<ResourceRef, 'name' | 'namespace' | 'subresource'>, query: Record<string, string> = {}): Informer<T> {
    const key = `${ref.group ?? ''}/${ref.version ?? 'v1'}/${ref.resource}?${Object.entries(query).map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new Informer<KubeObject>(this.client, { group: ref.group, version: ref.version, resource: ref.resource }, this.clock, query);
      this.informers.set(key, inf);
      if (this.started) void inf.start();
    }
    return inf as unknown as Informer<T>;
  }

  /** Starts every informer and resolves once all have listed. */
  async start(): Promise<void> {
    this.started = true;
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  /** Stops every informer. */
  stop(): void {
    this.started = false;
    for (const i of this.informers.values()) i.stop();
  }
}
