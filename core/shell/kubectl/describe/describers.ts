/**
 * kubectl describe's layouts for namespaces, config maps, services, deployments and replica sets
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go); pods and nodes are in their own files.
 */
import type { KubeObject } from '../../../api/types';
import { printAnnotations, printEvents, printLabels, rfc1123z, type DescribeContext } from './common';
import { describePodTemplate, type PodSpec } from './template';
import type { DescribeWriter } from './tabwriter';

type Obj = KubeObject & Record<string, unknown>;
/** One describer: writes an object, with its events. */
export type Describer = (c: DescribeContext, w: DescribeWriter, obj: Obj, events: KubeObject[]) => Promise<void>;

/** `a=b,c=d` (sorted), or `<none>`. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',');
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.FormatLabelSelector. */
export function formatSelector(s: LabelSelector | undefined): string {
  if (!s) return '<none>';
  const parts = Object.keys(s.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${(s.matchLabels as Record<string, string>)[k]}`);
  for (const e of s.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : '';
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${[...(e.values ?? [])].sort().join(',')})`);
  }
  const out = parts.join(',');
  return out === '' ? '<none>' : out;
}

function header(w: DescribeWriter, o: Obj, namespaced = true): void {
  w.write(0, `Name:\t${o.metadata.name}\n`);
  if (namespaced) w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
}

/** `kubectl describe namespace`. */
export const describeNamespace: Describer = async (c, w, o) => {
  header(w, o, false);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Status:\t${String((o['status'] as { phase?: string } | undefined)?.phase ?? '')}\n`);
  const quotas = await c.k.send('GET', `/api/v1/namespaces/${o.metadata.name}/resourcequotas`);
  const quotaItems = (quotas.body as { items?: unknown[] } | undefined)?.items ?? [];
  if (quotas.status >= 400 || quotaItems.length === 0) w.write(0, '\nNo resource quota.\n');
  const limits = await c.k.send('GET', `/api/v1/namespaces/${o.metadata.name}/limitranges`);
  const limitItems = (limits.body as { items?: unknown[] } | undefined)?.items ?? [];
  if (limits.status >= 400 || limitItems.length === 0) w.write(0, '\nNo LimitRange resource.\n');
};

/** `kubectl describe configmap`. */
export const describeConfigMap: Describer = async (c, w, o, events) => {
  header(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of Object.entries((o['data'] as Record<string, string> | undefined) ?? {})) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${v}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const [k, v] of Object.entries((o['binaryData'] as Record<string, string> | undefined) ?? {})) w.write(0, `${k}: ${Math.floor((v.replace(/=+$/, '').length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  printEvents(w, events, c.now);
  await Promise.resolve();
};

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

interface EndpointSlice {
  ports?: { name?: string; port?: number }[] | null;
  endpoints?: { addresses: string[] }[] | null;
}

function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const eps = s.endpoints ?? [];
    if (!s.ports || s.ports.length === 0) {
      for (const e of eps) {
        if (list.length === max) more = true;
        if (!more) list.push(e.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of s.ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of eps) {
        if (list.length === max) more = true;
        const ip = e.addresses[0] ?? '';
        if (!more) list.push(`${ip.includes(':') ? `[${ip}]` : ip}:${p.port ?? 0}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** `kubectl describe service`. */
export const describeService: Describer = async (c, w, o, events) => {
  const spec = (o['spec'] ?? {}) as Record<string, unknown>;
  header(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec['selector'] as Record<string, string> | undefined)}\n`);
  w.write(0, `Type:\t${String(spec['type'] ?? '')}\n`);
  if (spec['ipFamilyPolicy']) w.write(0, `IP Family Policy:\t${String(spec['ipFamilyPolicy'])}\n`);
  const families = (spec['ipFamilies'] as string[] | undefined) ?? [];
  if (families.length > 0) w.write(0, `IP Families:\t${families.join(',')}\n`);
  w.write(0, `IP:\t${String(spec['clusterIP'] ?? '')}\n`);
  const ips = (spec['clusterIPs'] as string[] | undefined) ?? [];
  if (ips.length > 0) w.write(0, `IPs:\t${ips.join(',')}\n`);
  const external = (spec['externalIPs'] as string[] | undefined) ?? [];
  if (external.length > 0) w.write(0, `External IPs:\t${external.join(',')}\n`);
  if (spec['loadBalancerIP']) w.write(0, `IP:\t${String(spec['loadBalancerIP'])}\n`);
  if (spec['externalName']) w.write(0, `External Name:\t${String(spec['externalName'])}\n`);
  const r = await c.k.send('GET', `/apis/discovery.k8s.io/v1/namespaces/${o.metadata.namespace ?? ''}/endpointslices`, { labelSelector: `kubernetes.io/service-name=${o.metadata.name}` });
  const slices = r.status < 400 ? ((r.body as { items?: EndpointSlice[] }).items ?? []) : [];
  for (const p of (spec['ports'] as ServicePort[] | undefined) ?? []) {
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${p.name || '<unset>'}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${String(p.targetPort ?? p.port)}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${String(spec['sessionAffinity'] ?? '')}\n`);
  if (spec['externalTrafficPolicy']) w.write(0, `External Traffic Policy:\t${String(spec['externalTrafficPolicy'])}\n`);
  if (spec['healthCheckNodePort']) w.write(0, `HealthCheck NodePort:\t${Number(spec['healthCheckNodePort'])}\n`);
  if (spec['internalTrafficPolicy']) w.write(0, `Internal Traffic Policy:\t${String(spec['internalTrafficPolicy'])}\n`);
  printEvents(w, events, c.now);
};

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

function conditions(w: DescribeWriter, list: Condition[] | undefined): void {
  if (!list || list.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

type RS = Obj & { spec?: { replicas?: number; template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown } }; status?: { replicas?: number } };

function ownedBy(o: KubeObject, uid: string | undefined): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);
}

function templateKey(t: RS['spec'] extends infer S ? (S extends { template?: infer T } ? T : never) : never): string {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
  delete copy.metadata?.labels?.['pod-template-hash'];
  return canonical(copy);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** `kubectl describe deployment`. */
export const describeDeployment: Describer = async (c, w, o, events) => {
  const spec = (o['spec'] ?? {}) as { replicas?: number; selector?: LabelSelector; minReadySeconds?: number; strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: string | number; maxSurge?: string | number } }; template: { spec: PodSpec } };
  const status = (o['status'] ?? {}) as { updatedReplicas?: number; replicas?: number; availableReplicas?: number; unavailableReplicas?: number; conditions?: Condition[] };
  header(w, o);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  w.write(0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`);
  describePodTemplate(w, spec.template);
  conditions(w, status.conditions);
  const r = await c.k.send('GET', `/apis/apps/v1/namespaces/${o.metadata.namespace ?? ''}/replicasets`);
  const owned = ((r.status < 400 ? (r.body as { items?: RS[] }).items : []) ?? []).filter((rs) => ownedBy(rs, o.metadata.uid));
  const key = templateKey(spec.template as never);
  const newRS = owned.find((rs) => templateKey(rs.spec?.template as never) === key);
  const old = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) !== 0);
  const show = (list: RS[]) => (list.length === 0 ? '<none>' : list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', '));
  w.write(0, `OldReplicaSets:\t${show(old)}\n`);
  w.write(0, `NewReplicaSet:\t${show(newRS ? [newRS] : [])}\n`);
  printEvents(w, events, c.now);
};

/** `Kind/Name` of an object's controller. */
export function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** `kubectl describe replicaset`. */
export const describeReplicaSet: Describer = async (c, w, o, events) => {
  const spec = (o['spec'] ?? {}) as { replicas?: number; selector?: LabelSelector; template: { spec: PodSpec } };
  const status = (o['status'] ?? {}) as { replicas?: number; conditions?: Condition[] };
  header(w, o);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const ctl = controllerOf(o);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
  const sel = formatSelector(spec.selector);
  const r = await c.k.send('GET', `/api/v1/namespaces/${o.metadata.namespace ?? ''}/pods`, sel === '<none>' ? {} : { labelSelector: sel.replace(/ /g, '') });
  const pods = ((r.status < 400 ? (r.body as { items?: (KubeObject & { status?: { phase?: string } })[] }).items : []) ?? []).filter((p) => ownedBy(p, o.metadata.uid));
  const n = (phase: string) => pods.filter((p) => (p.status?.phase ?? '') === phase).length;
  w.write(0, `Pods Status:\t${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed\n`);
  describePodTemplate(w, spec.template);
  conditions(w, status.conditions);
  printEvents(w, events, c.now);
};
