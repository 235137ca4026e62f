/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
 * namespace gets the `kube-root-ca.crt` ConfigMap holding the cluster's CA bundle under
 * `ca.crt` — recreated when deleted, restored when changed. Pods' projected service account
 * volumes mount it. Level-based: `sync(namespace)` compares and writes.
 */
import { isStatusError } from '../api/status';
import type { ConfigMap, Namespace } from '../api/types';
import type { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { Controller, ControllerContext } from './manager';

/** The ConfigMap's name. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The description annotation the real controller sets. */
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The publisher. */
export class RootCaCertPublisher implements Controller {
  private readonly namespaces: Informer<Namespace>;
  private readonly configMaps: Informer<ConfigMap>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.namespaces = ctx.informers.informer<Namespace>({ resource: 'namespaces' });
    this.configMaps = ctx.informers.informer<ConfigMap>({ resource: 'configmaps' });
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns));
  }

  start(): void {
    const onNamespace = (ns: Namespace) => this.queue.add(ns.metadata.name ?? '');
    this.namespaces.addHandlers({ add: onNamespace, update: (_o, ns) => onNamespace(ns) });
    const onConfigMap = (cm: ConfigMap) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace ?? '');
    };
    this.configMaps.addHandlers({ update: (_o, cm) => onConfigMap(cm), delete: onConfigMap });
  }

  stop(): void {
    this.queue.shutdown();
  }

  private async sync(namespace: string): Promise<void> {
    const ns = this.namespaces.get(namespace);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    const ca = this.ctx.config.rootCA;
    const existing = this.configMaps.get(`${namespace}/${ROOT_CA_CONFIGMAP}`);
    const ref = { resource: 'configmaps', namespace };
    if (!existing) {
      try {
        await this.ctx.client.create<ConfigMap>(ref, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } }, data: { 'ca.crt': ca } });
        this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'root-ca-cert-publisher', action: 'create', object: `configmaps/${namespace}/${ROOT_CA_CONFIGMAP}`, message: `published the cluster CA in ${namespace}` });
      } catch (e) {
        if (!isStatusError(e, 'AlreadyExists')) throw e;
      }
      return;
    }
    if (existing.data?.['ca.crt'] === ca && Object.keys(existing.data ?? {}).length === 1 && existing.metadata.annotations?.['kubernetes.io/description'] === ROOT_CA_DESCRIPTION) return;
    await this.ctx.client.update<ConfigMap>({ ...ref, name: ROOT_CA_CONFIGMAP }, { ...existing, metadata: { ...existing.metadata, annotations: { ...existing.metadata.annotations, 'kubernetes.io/description': ROOT_CA_DESCRIPTION } }, data: { 'ca.crt': ca } });
  }
}
