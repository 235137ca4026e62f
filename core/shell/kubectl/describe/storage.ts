/** kubectl describe's layouts of persistent volumes, claims and storage classes (kubectl 1.32). */
import type { KubeObject } from '../../../api/types';
import { DescribeError, eventsOf, formatLabels, printAnnotations, printEvents, printLabels, rfc1123z, since, type Describer, nowOf } from './common';
import { listAll } from './fetch';
import { goSorted } from './gosort';
import type { PrefixWriter } from './tabwriter';
import { describePersistentVolumeSource } from './volumes';
import { goSlice, obj, objs, printBoolPtr, quantityString, str, strMap, strs, type J } from './values';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: `RWO,ROX,RWX,RWOP` for the modes present. */
function accessModes(modes: unknown): string {
  const set = new Set(strs(modes));
  return (
    [
      ['ReadWriteOnce', 'RWO'],
      ['ReadOnlyMany', 'ROX'],
      ['ReadWriteMany', 'RWX'],
      ['ReadWriteOncePod', 'RWOP'],
    ] as const
  )
    .filter(([m]) => set.has(m))
    .map(([, s]) => s)
    .join(',');
}

function nodeSelectorTerms(w: PrefixWriter, terms: J[]): void {
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = objs(term['matchExpressions']);
    if (reqs.length === 0) {
      w.write(0, '<none>\n');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(2, '\t');
      const values = strs(r['values']);
      w.write(0, `${str(r['key'])} ${str(r['operator']).toLowerCase()}${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
    });
  });
}

/** `kubectl describe persistentvolume`. */
export const describePersistentVolume: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'PersistentVolume');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Finalizers:\t${goSlice(o.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${o.metadata.annotations?.[BETA_CLASS] ?? str(spec['storageClassName'])}\n`);
  if (o.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, nowOf(c, o))})\n`);
  else w.write(0, `Status:\t${str(status['phase'])}\n`);
  const claim = spec['claimRef'] ? obj(spec['claimRef']) : undefined;
  w.write(0, `Claim:\t${claim ? `${str(claim['namespace'])}/${str(claim['name'])}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${str(spec['persistentVolumeReclaimPolicy'])}\n`);
  w.write(0, `Access Modes:\t${accessModes(spec['accessModes'])}\n`);
  if (spec['volumeMode'] !== undefined) w.write(0, `VolumeMode:\t${str(spec['volumeMode'])}\n`);
  w.write(0, `Capacity:\t${quantityString(obj(spec['capacity'])['storage'])}\n`);
  w.write(0, 'Node Affinity:\t');
  const required = spec['nodeAffinity'] ? obj(spec['nodeAffinity'])['required'] : undefined;
  if (!required) w.write(0, '<none>\n');
  else {
    w.write(0, '\n');
    const terms = objs(obj(required)['nodeSelectorTerms']);
    w.write(1, 'Required Terms:\t');
    if (terms.length === 0) w.write(0, '<none>\n');
    else {
      w.write(0, '\n');
      nodeSelectorTerms(w, terms);
    }
  }
  w.write(0, `Message:\t${str(status['message'])}\n`);
  w.write(0, 'Source:\n');
  describePersistentVolumeSource(w, spec);
  printEvents(w, events, nowOf(c, o, events));
};

/** The pods of a claim's namespace that mount it or own it (getPodsForPVC). */
async function podsUsing(c: Parameters<Describer>[0], o: KubeObject): Promise<KubeObject[]> {
  const listed = await listAll(c.k, `/api/v1/namespaces/${o.metadata.namespace ?? ''}/pods`);
  if (listed.error) throw new DescribeError(listed.error.body);
  const pods: KubeObject[] = [];
  for (const p of listed.items) {
    for (const v of objs(obj(p['spec'])['volumes'])) if (v['persistentVolumeClaim'] && str(obj(v['persistentVolumeClaim'])['claimName']) === o.metadata.name) pods.push(p);
  }
  for (const ref of o.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = listed.items.find((p) => p.metadata.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata.uid === owner.metadata.uid)) pods.push(owner);
  }
  return pods;
}

/** `kubectl describe persistentvolumeclaim`. */
export const describePersistentVolumeClaim: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const pods = await podsUsing(c, o);
  const events = await eventsOf(c, o, 'PersistentVolumeClaim');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${o.metadata.annotations?.[BETA_CLASS] ?? str(spec['storageClassName'])}\n`);
  if (o.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, nowOf(c, o))})\n`);
  else w.write(0, `Status:\t${str(status['phase'])}\n`);
  w.write(0, `Volume:\t${str(spec['volumeName'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Finalizers:\t${goSlice(o.metadata.finalizers)}\n`);
  const bound = str(spec['volumeName']) !== '';
  w.write(0, `Capacity:\t${bound ? quantityString(obj(status['capacity'])['storage']) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(status['accessModes']) : ''}\n`);
  if (spec['volumeMode'] !== undefined) w.write(0, `VolumeMode:\t${str(spec['volumeMode'])}\n`);
  if (spec['dataSource']) {
    const ds = obj(spec['dataSource']);
    w.write(0, 'DataSource:\n');
    if (ds['apiGroup'] !== undefined) w.write(1, `APIGroup:\t${str(ds['apiGroup'])}\n`);
    w.write(1, `Kind:\t${str(ds['kind'])}\n`);
    w.write(1, `Name:\t${str(ds['name'])}\n`);
  }
  w.write(0, 'Used By:\t');
  const names = goSorted(
    pods.map((p) => p.metadata.name ?? ''),
    (a, b) => a < b,
  );
  if (names.length === 0) w.write(0, '<none>\n');
  names.forEach((n, i) => w.write(0, i === 0 ? `${n}\n` : `\t${n}\n`));
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const x of conditions) w.write(1, `${str(x['type'])} \t${str(x['status'])} \t${rfc1123z(x['lastProbeTime'])} \t${rfc1123z(x['lastTransitionTime'])} \t${str(x['reason'])} \t${str(x['message'])}\n`);
  }
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe storageclass`. */
export const describeStorageClass: Describer = async (c, w, o) => {
  const events = await eventsOf(c, o, 'StorageClass');
  const annotations = strMap(o.metadata.annotations);
  const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(annotations)}\n`);
  w.write(0, `Provisioner:\t${str(o['provisioner'])}\n`);
  w.write(0, `Parameters:\t${formatLabels(o['parameters'])}\n`);
  w.write(0, `AllowVolumeExpansion:\t${printBoolPtr(o['allowVolumeExpansion'])}\n`);
  const options = strs(o['mountOptions']);
  if (options.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const opt of options) w.write(1, `${opt}\n`);
  }
  if (o['reclaimPolicy'] !== undefined) w.write(0, `ReclaimPolicy:\t${str(o['reclaimPolicy'])}\n`);
  if (o['volumeBindingMode'] !== undefined) w.write(0, `VolumeBindingMode:\t${str(o['volumeBindingMode'])}\n`);
  if (Array.isArray(o['allowedTopologies'])) {
    w.write(0, 'AllowedTopologies:\t');
    const terms = objs(o['allowedTopologies']);
    if (terms.length === 0) w.write(0, '<none>\n');
    else {
      w.write(0, '\n');
      terms.forEach((term, i) => {
        w.write(1, `Term ${i}:\t`);
        const reqs = objs(term['matchLabelExpressions']);
        if (reqs.length === 0) w.write(0, '<none>\n');
        reqs.forEach((r, j) => {
          if (j !== 0) w.write(1, '\t');
          const values = strs(r['values']);
          w.write(0, `${str(r['key'])} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
        });
      });
    }
  }
  printEvents(w, events, nowOf(c, o, events));
};
