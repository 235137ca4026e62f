/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount): a new pod runs as
 * `default` unless it names a service account; the account must exist
 * (`error looking up service account default/robot: serviceaccount "robot" not found`); unless
 * automounting is turned off, every container mounts the projected `kube-api-access-xxxxx`
 * volume (token, the cluster CA, the namespace) at /var/run/secrets/kubernetes.io/serviceaccount;
 * image pull secrets come from the account. Mirror pods are left alone but may not use accounts.
 */
import type { Container, Pod, ServiceAccount } from '../../api/types';
import { serviceaccounts } from '../resources/config';
import { admissionForbidden, getStored, type AdmissionAttributes, type AdmissionPlugin } from './types';

/** The account a pod runs as when it names none. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';
/** Where the token volume is mounted. */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The prefix of the token volume's name. */
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

type Obj = Record<string, unknown>;

/** The projected volume of the service account token (createVolume). */
export function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function handles(a: AdmissionAttributes): boolean {
  return a.def.group === '' && a.def.resource === 'pods' && a.subresource === '' && a.operation === 'CREATE';
}

function shouldAutomount(sa: ServiceAccount, pod: Pod): boolean {
  const podSetting = pod.spec['automountServiceAccountToken'];
  if (typeof podSetting === 'boolean') return podSetting;
  return sa.automountServiceAccountToken !== false;
}

/** mountServiceAccountToken: the volume once, and a read-only mount in every container lacking one. */
function mountToken(pod: Pod, generateName: () => string): void {
  const volumes = (Array.isArray(pod.spec['volumes']) ? pod.spec['volumes'] : []) as Obj[];
  const existing = volumes.find((v) => typeof v?.['name'] === 'string' && (v['name'] as string).startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing ? (existing['name'] as string) : generateName();
  let needed = false;
  const mountInto = (c: Container) => {
    if (!c || typeof c !== 'object') return;
    const mounts = (Array.isArray(c['volumeMounts']) ? c['volumeMounts'] : []) as Obj[];
    if (mounts.some((m) => m?.['mountPath'] === TOKEN_MOUNT_PATH)) return;
    c['volumeMounts'] = [...mounts, { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
    needed = true;
  };
  for (const c of Array.isArray(pod.spec.initContainers) ? pod.spec.initContainers : []) mountInto(c);
  for (const c of Array.isArray(pod.spec.containers) ? pod.spec.containers : []) mountInto(c);
  if (!existing && needed) pod.spec['volumes'] = [...volumes, tokenVolume(volumeName)];
}

/** The ServiceAccount plugin. */
export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, ctx) {
    if (!handles(a)) return;
    const pod = a.object as Pod;
    pod.spec ??= { containers: [] };
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return;
    // The deprecated `serviceAccount` field names the account when serviceAccountName does not.
    if (!pod.spec['serviceAccountName']) pod.spec['serviceAccountName'] = pod.spec['serviceAccount'] || DEFAULT_SERVICE_ACCOUNT;
    const name = String(pod.spec['serviceAccountName']);
    // The deprecated alias, kept equal to serviceAccountName (as the v1 conversion does).
    pod.spec['serviceAccount'] = name;
    const sa = getStored<ServiceAccount>(ctx, serviceaccounts, a.namespace, name);
    if (!sa) throw admissionForbidden(a, `error looking up service account ${a.namespace}/${name}: serviceaccount ${JSON.stringify(name)} not found`);
    if (shouldAutomount(sa, pod)) mountToken(pod, () => `${TOKEN_VOLUME_PREFIX}${ctx.random.nameSuffix()}`);
    const pullSecrets = pod.spec['imagePullSecrets'];
    if ((!Array.isArray(pullSecrets) || pullSecrets.length === 0) && (sa.imagePullSecrets ?? []).length > 0) {
      pod.spec['imagePullSecrets'] = (sa.imagePullSecrets ?? []).map((s) => ({ name: s.name ?? '' }));
    }
  },
  validate(a) {
    if (!handles(a)) return;
    const pod = a.object as Pod;
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION] === undefined) return;
    if (pod.spec?.['serviceAccountName']) throw admissionForbidden(a, 'a mirror pod may not reference service accounts');
    const volumes = (Array.isArray(pod.spec?.['volumes']) ? pod.spec['volumes'] : []) as Obj[];
    if (volumes.some((v) => v?.['secret'] !== undefined)) throw admissionForbidden(a, 'a mirror pod may not reference secrets');
  },
};
