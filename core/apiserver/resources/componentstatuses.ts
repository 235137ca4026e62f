/**
 * core/v1 componentstatuses: a read-only list that the API server computes (etcd-0,
 * scheduler, controller-manager), deprecated since v1.19 but still answered. The objects are
 * built from the health of the simulated components; nothing is stored.
 */
import type { ComponentStatus } from '../../api/types';
import type { ResourceDef } from '../registry';
import { column, nameColumn, type TablePrinter } from '../table';

/** The Warning header value real API servers send with componentstatuses responses. */
export const COMPONENT_STATUS_WARNING = '299 - "v1 ComponentStatus is deprecated in v1.19+"';

/** The components reported, in the order KubeLab lists them. */
export const COMPONENTS = ['scheduler', 'controller-manager', 'etcd-0'] as const;

/** The ComponentStatus objects for the given health (all Healthy by default). */
export function componentStatuses(healthy: Partial<Record<(typeof COMPONENTS)[number], boolean>> = {}): ComponentStatus[] {
  return COMPONENTS.map((name) => {
    const ok = healthy[name] ?? true;
    const condition = ok
      ? { type: 'Healthy', status: 'True', message: 'ok' }
      : { type: 'Healthy', status: 'False', error: name === 'etcd-0' ? 'etcd cluster is unavailable or misconfigured' : 'Get "https://127.0.0.1/healthz": dial tcp 127.0.0.1: connect: connection refused' };
    // Computed objects have no creationTimestamp: Go serializes the zero time as null.
    const metadata = { name, creationTimestamp: null } as unknown as ComponentStatus['metadata'];
    return { kind: 'ComponentStatus', apiVersion: 'v1', metadata, conditions: [condition] };
  });
}

/** The component status printer (printComponentStatus). */
export const componentStatusPrinter: TablePrinter = {
  columns: [nameColumn, column('Status', 'string', 'Status of the component conditions'), column('Message', 'string', 'Message of the component conditions'), column('Error', 'string', 'Error of the component conditions')],
  cells(obj) {
    const cs = obj as ComponentStatus;
    const healthy = (cs.conditions ?? []).find((c) => c.type === 'Healthy');
    const status = healthy ? (healthy.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
    return [cs.metadata.name, status, healthy?.message ?? '', healthy?.error ?? ''];
  },
};

/** core/v1 componentstatuses (get and list only; the objects come from `componentStatuses`, see the report). */
export const componentstatuses: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'componentstatuses',
  singular: 'componentstatus',
  kind: 'ComponentStatus',
  namespaced: false,
  shortNames: ['cs'],
  categories: [],
  verbs: ['get', 'list'],
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.ComponentStatus',
  printer: componentStatusPrinter,
};
