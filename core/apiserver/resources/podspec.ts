/**
 * What pods and every pod template share: the PodSpec defaults of k8s.io/api/core/v1
 * (SetDefaults_PodSpec, _Container, _Probe, _Volume, ...), ValidatePodSpec and
 * ValidatePodTemplateSpec (a subset, with the real paths and messages), and the
 * CONTAINERS / IMAGES cells of the workload printers (layoutContainerCells).
 */
import type { Container, PodSpec, PodTemplateSpec } from '../../api/types';
import { type FieldErrors, dns1123Label } from '../../api/validation';
import { compareQuantities, formatQuantity, parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity';
import { portNameErrors, portNumErrors } from './fields';
import { validateLabels } from './selector';

/** The image tag of a reference (`nginx:1.27` → `1.27`), `digest` for digests, undefined when none. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : undefined;
}

type Obj = Record<string, unknown>;

function defaultProbe(p: unknown): void {
  if (!p || typeof p !== 'object') return;
  const probe = p as Obj;
  probe['timeoutSeconds'] ??= 1;
  probe['periodSeconds'] ??= 10;
  probe['successThreshold'] ??= 1;
  probe['failureThreshold'] ??= 3;
  const http = probe['httpGet'] as Obj | undefined;
  if (http && typeof http === 'object') {
    http['path'] ??= '/';
    http['scheme'] ??= 'HTTP';
  }
  const grpc = probe['grpc'] as Obj | undefined;
  if (grpc && typeof grpc === 'object') grpc['service'] ??= '';
}

function defaultHandler(h: unknown): void {
  const http = (h as Obj | undefined)?.['httpGet'] as Obj | undefined;
  if (http && typeof http === 'object') {
    http['path'] ??= '/';
    http['scheme'] ??= 'HTTP';
  }
}

/** SetDefaults_Container and the defaults of its ports, env, probes and lifecycle. */
export function defaultContainer(c: Container): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy && typeof c.image === 'string') {
    const tag = imageTag(c.image);
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of Array.isArray(c.ports) ? c.ports : []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
  for (const e of Array.isArray(c.env) ? c.env : []) {
    const ref = ((e as Obj | undefined)?.['valueFrom'] as Obj | undefined)?.['fieldRef'] as Obj | undefined;
    if (ref && typeof ref === 'object') ref['apiVersion'] ??= 'v1';
  }
  defaultProbe(c['livenessProbe']);
  defaultProbe(c['readinessProbe']);
  defaultProbe(c['startupProbe']);
  const lifecycle = c['lifecycle'] as Obj | undefined;
  if (lifecycle && typeof lifecycle === 'object') {
    defaultHandler(lifecycle['postStart']);
    defaultHandler(lifecycle['preStop']);
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined)) v['emptyDir'] = {};
  for (const s of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[s] as Obj | undefined;
    if (src && typeof src === 'object') src['defaultMode'] ??= 420;
  }
  const hostPath = v['hostPath'] as Obj | undefined;
  if (hostPath && typeof hostPath === 'object') hostPath['type'] ??= '';
}

/** SetDefaults_PodSpec with its containers and volumes: what a pod template gets. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) defaultContainer(c);
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) defaultContainer(c);
  for (const v of Array.isArray(spec['volumes']) ? (spec['volumes'] as Obj[]) : []) if (v && typeof v === 'object') defaultVolume(v);
}

/** The defaults of a pod template: `metadata.creationTimestamp: null`, as Go serializes it, and the PodSpec defaults. */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template || typeof template !== 'object') return;
  template.metadata ??= {};
  if (template.metadata.creationTimestamp === undefined) (template.metadata as Obj)['creationTimestamp'] = null;
  template.spec ??= { containers: [] };
  defaultPodSpec(template.spec);
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateResources(c: Container, path: string, errs: FieldErrors): void {
  const r = c.resources;
  if (!r || typeof r !== 'object') return;
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, v] of Object.entries(r[kind] ?? {})) {
      const q = parseQuantity(v);
      if (!q) errs.invalid(`${path}.resources.${kind}[${name}]`, v, QUANTITY_FORMAT_ERROR);
      else if (q.mantissa < 0n) errs.invalid(`${path}.resources.${kind}[${name}]`, formatQuantity(q), 'must be greater than or equal to 0');
    }
  }
  for (const [name, v] of Object.entries(r.requests ?? {})) {
    const req = parseQuantity(v);
    const lim = parseQuantity(r.limits?.[name]);
    if (req && lim && compareQuantities(req, lim) > 0) {
      errs.invalid(`${path}.resources.requests`, formatQuantity(req), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`);
    }
  }
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>, errs: FieldErrors): void {
  if (!c.name) errs.required(`${path}.name`);
  else {
    for (const m of dns1123Label(c.name)) errs.invalid(`${path}.name`, c.name, m);
    if (names.has(c.name)) errs.duplicate(`${path}.name`, c.name);
    names.add(c.name);
  }
  if (typeof c.image !== 'string' || c.image.length === 0) errs.required(`${path}.image`);
  else if (c.image.trim() !== c.image) errs.invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace');
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) errs.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']);
  const portNames = new Set<string>();
  (Array.isArray(c.ports) ? c.ports : []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (p.name) {
      const msgs = portNameErrors(p.name);
      for (const m of msgs) errs.invalid(`${pp}.name`, p.name, m);
      if (msgs.length === 0 && portNames.has(p.name)) errs.duplicate(`${pp}.name`, p.name);
      portNames.add(p.name);
    }
    if (!p.containerPort) errs.required(`${pp}.containerPort`);
    else for (const m of portNumErrors(p.containerPort)) errs.invalid(`${pp}.containerPort`, p.containerPort, m);
    if (p.hostPort) for (const m of portNumErrors(p.hostPort)) errs.invalid(`${pp}.hostPort`, p.hostPort, m);
    if (!p.protocol) errs.required(`${pp}.protocol`);
    else if (!PROTOCOLS.includes(p.protocol)) errs.notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS);
  });
  (Array.isArray(c.env) ? c.env : []).forEach((e, i) => {
    if (!e?.name) errs.required(`${path}.env[${i}].name`);
    else if (/[^\x20-\x7e]|=/.test(e.name)) errs.invalid(`${path}.env[${i}].name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='");
  });
  const mounts = Array.isArray(c['volumeMounts']) ? (c['volumeMounts'] as { name?: string; mountPath?: string }[]) : [];
  mounts.forEach((m, i) => {
    const mp = `${path}.volumeMounts[${i}]`;
    if (!m?.name) errs.required(`${mp}.name`);
    else if (!volumes.has(m.name)) errs.causes.push({ reason: 'FieldValueNotFound', message: `Not found: ${JSON.stringify(m.name)}`, field: `${mp}.name` });
    if (!m?.mountPath) errs.required(`${mp}.mountPath`);
  });
  validateResources(c, path, errs);
}

/** ValidatePodSpec (containers, init containers, volumes, mounts, ports, policies), at `path`. */
export function validatePodSpec(spec: PodSpec | undefined, path: string, errs: FieldErrors): void {
  if (!spec || typeof spec !== 'object') {
    errs.required(`${path}.containers`);
    return;
  }
  const volumes = new Set<string>();
  (Array.isArray(spec['volumes']) ? (spec['volumes'] as Obj[]) : []).forEach((v, i) => {
    const vp = `${path}.volumes[${i}]`;
    const name = v?.['name'];
    const before = errs.causes.length;
    if (typeof name !== 'string' || !name) errs.required(`${vp}.name`);
    else {
      for (const m of dns1123Label(name)) errs.invalid(`${vp}.name`, name, m);
      if (volumes.has(name)) errs.duplicate(`${vp}.name`, name);
    }
    const sources = VOLUME_SOURCES.filter((s) => v?.[s] !== undefined && v?.[s] !== null);
    if (sources.length === 0) errs.required(vp, 'must specify a volume type');
    for (const extra of sources.slice(1)) errs.forbidden(`${vp}.${extra}`, 'may not specify more than 1 volume type');
    if (errs.causes.length === before && typeof name === 'string') volumes.add(name);
  });
  const names = new Set<string>();
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.required(`${path}.containers`);
  (Array.isArray(spec.initContainers) ? spec.initContainers : []).forEach((c, i) => {
    if (!c || typeof c !== 'object') return errs.required(`${path}.initContainers[${i}]`);
    validateContainer(c, `${path}.initContainers[${i}]`, names, volumes, errs);
  });
  (Array.isArray(spec.containers) ? spec.containers : []).forEach((c, i) => {
    if (!c || typeof c !== 'object') return errs.required(`${path}.containers[${i}]`);
    validateContainer(c, `${path}.containers[${i}]`, names, volumes, errs);
  });
  const rp = spec.restartPolicy;
  if (rp === undefined || (rp as string) === '') errs.required(`${path}.restartPolicy`);
  else if (!RESTART_POLICIES.includes(rp)) errs.notSupported(`${path}.restartPolicy`, rp, RESTART_POLICIES);
  const dns = spec.dnsPolicy;
  if (dns === undefined || dns === '') errs.required(`${path}.dnsPolicy`);
  else if (!DNS_POLICIES.includes(dns)) errs.notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES);
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    errs.invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0');
  }
  const ads = spec['activeDeadlineSeconds'];
  if (typeof ads === 'number' && ads < 1) errs.invalid(`${path}.activeDeadlineSeconds`, ads, 'must be between 1 and 2147483647, inclusive');
  if (spec.nodeSelector) validateLabels(spec.nodeSelector, `${path}.nodeSelector`, errs);
}

/** ValidatePodTemplateSpec: labels at `<path>.labels`, annotations, the spec, no ephemeral containers. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string, errs: FieldErrors): void {
  if (!template || typeof template !== 'object') {
    errs.required(path);
    return;
  }
  validateLabels(template.metadata?.labels, `${path}.labels`, errs);
  validatePodSpec(template.spec, `${path}.spec`, errs);
  const eph = template.spec?.['ephemeralContainers'];
  if (Array.isArray(eph) && eph.length > 0) errs.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template');
}

/** layoutContainerCells: the CONTAINERS and IMAGES cells, comma-separated. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const cs = Array.isArray(containers) ? containers : [];
  return [cs.map((c) => c?.name ?? '').join(','), cs.map((c) => c?.image ?? '').join(',')];
}
