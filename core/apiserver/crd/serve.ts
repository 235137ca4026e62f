/**
 * Serving custom resources: the API server's registry follows the CustomResourceDefinitions in
 * the store, as apiextensions-apiserver's crdHandler follows its CRD informer. Before a request
 * is routed, `sync()` looks at the stored CRDs (only when a CRD has changed since it last
 * looked): a CRD whose names are accepted serves its versions, a changed CRD is served anew, a
 * deleted one stops being served (its paths answer 404, as before it existed). The OpenAPI
 * definitions of the served kinds join the API server's schema registry, so that unknown-field
 * detection and server-side apply know them, and the OpenAPI documents publish them.
 */
import type { Definition, SchemaRegistry } from '../../api/schema/dsl';
import type { CustomResourceDefinition } from '../../api/types';
import type { Store } from '../../storage/store';
import { Registry, type ResourceDef } from '../registry';
import { customresourcedefinitions } from '../resources/crds';
import { customResources } from './resource';

/** The store prefix of the CRDs. */
export const CRD_PREFIX = Registry.keyPrefix(customresourcedefinitions);

interface Served {
  /** uid and resourceVersion of the CRD the entry was built from. */
  fingerprint: string;
  defs: ResourceDef[];
  definitions: Definition[];
}

/** Keeps the registry in step with the stored CustomResourceDefinitions. */
export class CrdServer {
  private revision = -1;
  private readonly served = new Map<string, Served>();

  constructor(
    private readonly store: Store,
    private readonly registry: Registry,
    private readonly schemas: SchemaRegistry,
  ) {}

  /** Brings the registry up to date with the stored CRDs (a no-op when the store has not changed). */
  sync(): void {
    // Only a change under the CRDs' prefix can change what is served.
    const revision = this.store.prefixRevision(CRD_PREFIX);
    if (revision === this.revision) return;
    this.revision = revision;
    const seen = new Set<string>();
    for (const key of this.store.keysWithPrefix(CRD_PREFIX)) {
      const crd = this.store.get(key) as CustomResourceDefinition | undefined;
      const name = crd?.metadata.name;
      if (!crd || !name) continue;
      seen.add(name);
      const fingerprint = `${crd.metadata.uid ?? ''}/${crd.metadata.resourceVersion ?? ''}`;
      if (this.served.get(name)?.fingerprint === fingerprint) continue;
      this.unserve(name);
      this.serve(name, fingerprint, crd);
    }
    for (const name of [...this.served.keys()]) if (!seen.has(name)) this.unserve(name);
  }

  private serve(name: string, fingerprint: string, crd: CustomResourceDefinition): void {
    const { defs, definitions } = customResources(crd);
    // A CRD never shadows a built-in resource (kube serves the built-in one).
    const added = defs.filter((d) => {
      const existing = this.registry.get(d.group, d.version, d.resource);
      if (existing && !existing.custom) return false;
      this.registry.add(d);
      return true;
    });
    this.schemas.add(...definitions);
    this.served.set(name, { fingerprint, defs: added, definitions });
  }

  private unserve(name: string): void {
    const entry = this.served.get(name);
    if (!entry) return;
    for (const d of entry.defs) this.registry.remove(d);
    this.served.delete(name);
  }

  /** The OpenAPI definitions of every served custom kind. */
  definitions(): Definition[] {
    return [...this.served.values()].flatMap((s) => s.definitions);
  }

  /** The resources served for a CRD (by name), e.g. to delete its custom resources. */
  resourcesOf(name: string): ResourceDef[] {
    return this.served.get(name)?.defs ?? [];
  }
}
