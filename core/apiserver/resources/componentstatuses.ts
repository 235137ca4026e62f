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

/** The secure ports kube-apiserver probes (kube-scheduler 10259, kube-controller-manager 10257). */
const HEALTH_PORTS: Record<string, number> = { scheduler: 10259, 'controller-manager': 10257 };

/** The probe error of a component that does not listen, as Go's HTTP client words it. */
function refused(port: number | undefined): string {
  return `Get "https://127.0.0.1:${port ?? 0}/healthz": dial tcp 127.0.0.1:${port ?? 0}: connect: connection refused`;
}

/** The ComponentStatus objects for the given health (all Healthy by default). */
export function componentStatuses(healthy: ComponentHealth = {}): ComponentStatus[] {
  return COMPONENTS.map((name) => {
    const ok = healthy[name] ?? true;
    const condition = ok
      ? { type: 'Healthy', status: 'True', message: 'ok' }
      : { type: 'Healthy', status: 'False', error: name === 'etcd-0' ? 'etcd cluster is unavailable or misconfigured' : refused(HEALTH_PORTS[name]) };
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

/** The health of the components reported by componentstatuses (absent: healthy). */
export type ComponentHealth = Partial<Record<(typeof COMPONENTS)[number], boolean>>;

/**
 * core/v1 componentstatuses computed from `health` (asked on every request, so that stopping a
 * component shows at once): get and list only, nothing stored, every response with the
 * deprecation warning.
 */
export function componentStatusesResource(health: () => ComponentHealth): ResourceDef {
  return {
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
    warning: COMPONENT_STATUS_WARNING,
    list: () => componentStatuses(health()),
    get: (name) => componentStatuses(health()).find((c) => c.metadata.name === name),
  };
}

/** core/v1 componentstatuses with every component healthy (the API server binds it to the cluster's health). */
export const componentstatuses: ResourceDef = componentStatusesResource(() => ({}));
