/**
 * The resource metrics API, `metrics.k8s.io/v1beta1`, as metrics-server 0.7 answers it.
 *
 * In a real cluster this group is an aggregated API: kube-apiserver proxies it (through the
 * `v1beta1.metrics.k8s.io` APIService) to metrics-server, which scrapes every kubelet's
 * resource metrics every 15 s. KubeLab serves it in process instead: the API server answers
 * from a `UsageSource` (core/metrics/types.ts — what the simulated kubelets report), reading
 * the pods and nodes themselves as metrics-server's informers would. Without a source it
 * answers 503 ServiceUnavailable, as the aggregator does while the APIService is unavailable.
 *
 * Served: GET of `nodes`, `nodes/NAME`, `pods` (all namespaces), `namespaces/NS/pods` and
 * `namespaces/NS/pods/NAME`, with label and field selectors (`metadata.name`,
 * `metadata.namespace`) and Tables; no watch (metrics-server has none). Objects as
 * metrics-server writes them: `timestamp` (the last scrape), `window` (`20s` for nodes, `10s`
 * for pods), CPU in nanocores, memory in bytes (`Ki`).
 */
import { rfc3339 } from '../../api/duration';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from '../../api/labels';
import { badRequest, methodNotAllowed, notAcceptable, notFound, pathNotFound, type Status } from '../../api/status';
import type { KubeObject, Node, Pod } from '../../api/types';
import type { UsageSource } from '../../metrics/types';
import { negotiate, parseResourcePath, type ApiRequest, type ApiResponse } from '../request';
import { toTable } from '../table';
import { cpuQuantity, goDuration, memoryQuantity } from './format';
import { METRICS_GROUP, METRICS_VERSION, nodeMetricsPrinter, podMetricsPrinter, type NodeMetrics, type PodMetrics } from './resources';

/** metrics-server's `--metric-resolution`: how often it scrapes the kubelets (ms). */
export const METRIC_RESOLUTION_MS = 15_000;
/** The window of a NodeMetrics (seconds). */
export const NODE_WINDOW_SECONDS = 20;
/** The window of a PodMetrics (seconds). */
export const POD_WINDOW_SECONDS = 10;

/** What the metrics API reads. */
export interface MetricsSources {
  /** The kubelets' usage; absent: the API is unavailable (503). */
  usage?: UsageSource;
  now(): number;
  /** The pods of a namespace (every namespace when undefined). */
  pods(namespace: string | undefined): Pod[];
  /** Every node. */
  nodes(): Node[];
}

const PREFIX = `/apis/${METRICS_GROUP}/${METRICS_VERSION}`;

/** The 503 of an aggregated API whose backend is unavailable. */
export function serviceUnavailable(): ApiResponse {
  const body: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 };
  return { status: 503, headers: { 'content-type': 'application/json' }, body };
}

function json(body: unknown): ApiResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

/** The in-process metrics API. */
export class MetricsApi {
  constructor(private readonly sources: MetricsSources) {}

  /** Whether a path belongs to `metrics.k8s.io/v1beta1`. */
  static owns(path: string): boolean {
    return path === PREFIX || path.startsWith(`${PREFIX}/`);
  }

  /** The time of the last scrape (metrics-server scrapes every 15 s). */
  private scrapeTime(): number {
    const now = this.sources.now();
    return now - (now % METRIC_RESOLUTION_MS);
  }

  /**
   * Answers a request under `/apis/metrics.k8s.io/v1beta1`; undefined for the group/version's
   * discovery document when the API is available (discovery answers it, from the registry).
   */
  route(req: ApiRequest, path: string): ApiResponse | undefined {
    if (!this.sources.usage) return serviceUnavailable();
    if (path === PREFIX) return undefined;
    const rp = parseResourcePath(path);
    if (!rp || rp.subresource !== undefined || (rp.resource !== 'nodes' && rp.resource !== 'pods')) throw pathNotFound();
    if (rp.resource === 'nodes' && rp.namespace !== undefined) throw pathNotFound();
    if (req.method !== 'GET') throw methodNotAllowed();
    if (req.query['watch'] === 'true' || req.query['watch'] === '1') throw methodNotAllowed();
    const neg = negotiate(req.headers['accept'], req.query['includeObject']);
    if (neg.as === 'unacceptable') throw notAcceptable('only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
    const table = neg.as === 'table' ? neg.include : undefined;
    const now = this.sources.now();
    if (rp.resource === 'nodes') {
      if (rp.name !== undefined) {
        const one = this.node(rp.name);
        return json(table ? toTable(nodeMetricsPrinter, [one], now, table, {}) : one);
      }
      const items = this.nodeList(req.query);
      return json(table ? toTable(nodeMetricsPrinter, items, now, table, {}) : { kind: 'NodeMetricsList', apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`, metadata: {}, items });
    }
    if (rp.name !== undefined) {
      const one = this.pod(rp.namespace ?? '', rp.name);
      return json(table ? toTable(podMetricsPrinter, [one], now, table, {}) : one);
    }
    const items = this.podList(rp.namespace, req.query);
    return json(table ? toTable(podMetricsPrinter, items, now, table, {}) : { kind: 'PodMetricsList', apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`, metadata: {}, items });
  }

  /** The NodeMetrics of a node, or undefined when its kubelet reports nothing. */
  nodeMetrics(node: Node): NodeMetrics | undefined {
    const name = node.metadata.name ?? '';
    const u = this.sources.usage?.nodeUsage(name);
    if (!u) return undefined;
    const metadata: KubeObject['metadata'] = { name, creationTimestamp: rfc3339(this.sources.now()) };
    if (node.metadata.labels) metadata.labels = { ...node.metadata.labels };
    return { kind: 'NodeMetrics', apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`, metadata, timestamp: rfc3339(this.scrapeTime()), window: goDuration(NODE_WINDOW_SECONDS), usage: { cpu: cpuQuantity(u.cpuMilli), memory: memoryQuantity(u.memoryBytes) } };
  }

  /** The PodMetrics of a pod, or undefined when none of its containers runs. */
  podMetrics(pod: Pod): PodMetrics | undefined {
    const containers = this.sources.usage?.podUsage(pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    if (!containers || containers.length === 0) return undefined;
    const metadata: KubeObject['metadata'] = { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', creationTimestamp: rfc3339(this.sources.now()) };
    if (pod.metadata.labels) metadata.labels = { ...pod.metadata.labels };
    return {
      kind: 'PodMetrics',
      apiVersion: `${METRICS_GROUP}/${METRICS_VERSION}`,
      metadata,
      timestamp: rfc3339(this.scrapeTime()),
      window: goDuration(POD_WINDOW_SECONDS),
      containers: containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuMilli), memory: memoryQuantity(c.memoryBytes) } })),
    };
  }

  private node(name: string): NodeMetrics {
    const node = this.sources.nodes().find((n) => n.metadata.name === name);
    if (!node) throw notFound({ group: '', resource: 'nodes' }, name);
    const m = this.nodeMetrics(node);
    if (!m) throw notFound({ group: METRICS_GROUP, resource: 'nodemetrics' }, name);
    return m;
  }

  private pod(namespace: string, name: string): PodMetrics {
    const pod = this.sources.pods(namespace).find((p) => p.metadata.name === name);
    if (!pod) throw notFound({ group: '', resource: 'pods' }, name);
    const m = this.podMetrics(pod);
    if (!m) throw notFound({ group: '', resource: 'pods' }, `${namespace}/${name}`);
    return m;
  }

  private selected(obj: KubeObject, query: Record<string, string>, namespaced: boolean): boolean {
    if (!matchesLabels(parseLabelSelector(query['labelSelector'] ?? ''), obj.metadata.labels)) return false;
    const terms = parseFieldSelector(query['fieldSelector'] ?? '');
    const fields: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '' };
    if (namespaced) fields['metadata.namespace'] = obj.metadata.namespace ?? '';
    for (const t of terms) if (!(t.field in fields)) throw badRequest(`field label not supported: ${t.field}`);
    return matchesFields(terms, fields);
  }

  private nodeList(query: Record<string, string>): NodeMetrics[] {
    const out: NodeMetrics[] = [];
    for (const node of this.sources.nodes()) {
      if (!this.selected(node, query, false)) continue;
      const m = this.nodeMetrics(node);
      if (m) out.push(m);
    }
    return out;
  }

  private podList(namespace: string | undefined, query: Record<string, string>): PodMetrics[] {
    const out: PodMetrics[] = [];
    for (const pod of this.sources.pods(namespace)) {
      if (!this.selected(pod, query, true)) continue;
      const m = this.podMetrics(pod);
      if (m) out.push(m);
    }
    return out;
  }
}
