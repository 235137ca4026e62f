/**
 * The resources of `metrics.k8s.io/v1beta1` — NodeMetrics (`nodes`) and PodMetrics (`pods`),
 * get and list only — as metrics-server registers them, with the Table columns its storage
 * prints (`kubectl get nodes.metrics.k8s.io`). They are registered so that discovery advertises
 * the group as the aggregator does for metrics-server's APIService; the requests themselves are
 * answered by `MetricsApi` (metricsApi.ts), never from the store.
 */
import type { KubeObject } from '../../api/types';
import type { ResourceDef } from '../registry';
import { parseQuantity, quantityValue, type Quantity } from '../resources/quantity';
import { column, nameColumn, type TablePrinter } from '../table';
import { cpuQuantity, memoryQuantity } from './format';

const ZERO: Quantity = { mantissa: 0n, exp: 0, format: 'DecimalSI' };

/** The group of the resource metrics API. */
export const METRICS_GROUP = 'metrics.k8s.io';
/** Its only version. */
export const METRICS_VERSION = 'v1beta1';

/** metrics/v1beta1 NodeMetrics. */
export interface NodeMetrics extends KubeObject {
  timestamp: string;
  window: string;
  usage: { cpu: string; memory: string };
}

/** metrics/v1beta1 ContainerMetrics. */
export interface ContainerMetrics {
  name: string;
  usage: { cpu: string; memory: string };
}

/** metrics/v1beta1 PodMetrics. */
export interface PodMetrics extends KubeObject {
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
}

const cpuColumn = column('CPU', 'string', 'CPU usage');
const memoryColumn = column('Memory', 'string', 'Memory usage');
const windowColumn = column('Window', 'string', 'Interval from which metrics were collected');

/** metrics-server's NodeMetrics table: name, CPU, memory, window. */
export const nodeMetricsPrinter: TablePrinter = {
  columns: [nameColumn, cpuColumn, memoryColumn, windowColumn],
  cells(obj) {
    const m = obj as NodeMetrics;
    return [m.metadata.name ?? '', m.usage.cpu, m.usage.memory, m.window];
  },
};

/** metrics-server's PodMetrics table: name, CPU and memory summed over the containers, window. */
export const podMetricsPrinter: TablePrinter = {
  columns: [nameColumn, cpuColumn, memoryColumn, windowColumn],
  cells(obj) {
    const m = obj as PodMetrics;
    const sum = (key: 'cpu' | 'memory') => m.containers.reduce((n, c) => n + quantityValue(parseQuantity(c.usage[key]) ?? ZERO), 0);
    return [m.metadata.name ?? '', cpuQuantity(sum('cpu') * 1000), memoryQuantity(sum('memory')), m.window];
  },
};

function metricsDef(resource: 'nodes' | 'pods'): ResourceDef {
  const pods = resource === 'pods';
  return {
    group: METRICS_GROUP,
    version: METRICS_VERSION,
    resource,
    singular: '',
    kind: pods ? 'PodMetrics' : 'NodeMetrics',
    namespaced: pods,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
    subresources: [],
    printer: pods ? podMetricsPrinter : nodeMetricsPrinter,
  };
}

/** metrics.k8s.io/v1beta1 nodes (NodeMetrics). */
export const nodeMetricsResource: ResourceDef = metricsDef('nodes');
/** metrics.k8s.io/v1beta1 pods (PodMetrics). */
export const podMetricsResource: ResourceDef = metricsDef('pods');
