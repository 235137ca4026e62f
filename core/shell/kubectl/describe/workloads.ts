/**
 * kubectl describe's layouts of the apps workloads and replication controllers: deployments,
 * replica sets, replication controllers, daemon sets and stateful sets (kubectl 1.32).
 */
import type { KubeObject } from '../../../api/types';
import type { Kubectl } from '../context';
import { listAll, listItems } from './fetch';
import { controllerOf, eventsOf, formatLabels, formatSelector, printAnnotations, printEvents, printHeader, printLabels, rfc1123z, selectorString, type Describer, nowOf } from './common';
import type { PrefixWriter } from './tabwriter';
import { describePodTemplate } from './template';
import { goSlice, num, obj, objs, quantityString, str, strMap, type J } from './values';

/** Whether `o`'s controller reference is the object of `uid`. */
function controlledBy(o: KubeObject, uid: string | undefined): boolean {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return !!ref && ref.uid === uid;
}

/** getPodStatusForController: the phases of the pods a controller owns (matching its selector). */
export async function podPhases(k: Kubectl, o: KubeObject, selector: string): Promise<string> {
  const pods = await listItems(k, `/api/v1/namespaces/${o.metadata.namespace ?? ''}/pods`, selector ? { labelSelector: selector } : {});
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    if (!controlledBy(p, o.metadata.uid)) continue;
    const phase = str(obj(p['status'])['phase']) as keyof typeof counts;
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function conditions(w: PrefixWriter, list: unknown): void {
  const items = objs(list);
  if (items.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const x of items) w.write(1, `${str(x['type'])} \t${str(x['status'])}\t${str(x['reason'])}\n`);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as J)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A pod template without its pod-template-hash label (equalIgnoreHash). */
function templateKey(t: unknown): string {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
  delete copy.metadata?.labels?.['pod-template-hash'];
  if (copy.metadata?.labels && Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  return canonical(copy);
}

function replicaSetsByLabels(list: KubeObject[]): string {
  const out = list.map((rs) => `${rs.metadata.name ?? ''} (${num(obj(rs['status'])['replicas'])}/${num(obj(rs['spec'])['replicas'])} replicas created)`).join(', ');
  return out || '<none>';
}

function intOrString(v: unknown): string {
  return typeof v === 'number' ? String(v) : str(v);
}

/** `kubectl describe deployment`. */
export const describeDeployment: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'Deployment');
  const selector = selectorString(spec['selector']);
  const rsList = await listAll(c.k, `/apis/apps/v1/namespaces/${o.metadata.namespace ?? ''}/replicasets`, selector ? { labelSelector: selector } : {});
  let oldRSs: KubeObject[] = [];
  let newRSs: KubeObject[] = [];
  if (rsList.items) {
    const owned = rsList.items.filter((rs) => controlledBy(rs, o.metadata.uid));
    owned.sort((a, b) => {
      const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
      const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
      return ta !== tb ? ta - tb : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
    });
    const key = templateKey(spec['template']);
    const newRS = owned.find((rs) => templateKey(obj(rs['spec'])['template']) === key);
    if (newRS) newRSs = [newRS];
    oldRSs = owned.filter((rs) => rs !== newRS && num(obj(rs['spec'])['replicas']) !== 0);
  }
  const strategy = obj(spec['strategy']);
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Replicas:\t${num(spec['replicas'])} desired | ${num(status['updatedReplicas'])} updated | ${num(status['replicas'])} total | ${num(status['availableReplicas'])} available | ${num(status['unavailableReplicas'])} unavailable\n`);
  w.write(0, `StrategyType:\t${str(strategy['type'])}\n`);
  w.write(0, `MinReadySeconds:\t${num(spec['minReadySeconds'])}\n`);
  if (strategy['rollingUpdate']) {
    const ru = obj(strategy['rollingUpdate']);
    w.write(0, `RollingUpdateStrategy:\t${intOrString(ru['maxUnavailable'])} max unavailable, ${intOrString(ru['maxSurge'])} max surge\n`);
  }
  describePodTemplate(w, spec['template']);
  conditions(w, status['conditions']);
  if (oldRSs.length > 0 || newRSs.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsByLabels(newRSs)}\n`);
  }
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe replicaset`. */
export const describeReplicaSet: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const selector = selectorString(spec['selector']);
  const phases = await podPhases(c.k, o, selector);
  const events = await eventsOf(c, o, 'ReplicaSet');
  printHeader(w, o);
  w.write(0, `Selector:\t${formatSelector(spec['selector'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const ctl = controllerOf(o);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  w.write(0, `Replicas:\t${num(obj(o['status'])['replicas'])} current / ${num(spec['replicas'])} desired\n`);
  w.write(0, `Pods Status:\t${phases}\n`);
  describePodTemplate(w, spec['template']);
  conditions(w, obj(o['status'])['conditions']);
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe replicationcontroller`. */
export const describeReplicationController: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const sel = strMap(spec['selector']);
  const selector = Object.keys(sel)
    .sort()
    .map((k) => `${k}=${sel[k] ?? ''}`)
    .join(',');
  const phases = await podPhases(c.k, o, selector);
  const events = await eventsOf(c, o, 'ReplicationController');
  printHeader(w, o);
  w.write(0, `Selector:\t${formatLabels(spec['selector'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Replicas:\t${num(obj(o['status'])['replicas'])} current / ${num(spec['replicas'])} desired\n`);
  w.write(0, `Pods Status:\t${phases}\n`);
  if (spec['template']) describePodTemplate(w, spec['template']);
  else w.write(0, 'Pod Template:\n  <unset>');
  conditions(w, obj(o['status'])['conditions']);
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe daemonset`. */
export const describeDaemonSet: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const selector = selectorString(spec['selector']);
  const phases = await podPhases(c.k, o, selector);
  const events = await eventsOf(c, o, 'DaemonSet');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(obj(obj(spec['template'])['spec'])['nodeSelector'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${num(status['desiredNumberScheduled'])}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${num(status['currentNumberScheduled'])}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status['updatedNumberScheduled'])}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${num(status['numberAvailable'])}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${num(status['numberMisscheduled'])}\n`);
  w.write(0, `Pods Status:\t${phases}\n`);
  describePodTemplate(w, spec['template']);
  printEvents(w, events, nowOf(c, o, events));
};

/** `Volume Claims:` of a stateful set (describeVolumeClaimTemplates). */
function volumeClaimTemplates(w: PrefixWriter, templates: unknown): void {
  const list = objs(templates);
  if (list.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of list) {
    const meta = obj(pvc['metadata']);
    const spec = obj(pvc['spec']);
    const annotations = strMap(meta['annotations']);
    w.write(1, `Name:\t${str(meta['name'])}\n`);
    w.write(1, `StorageClass:\t${annotations['volume.beta.kubernetes.io/storage-class'] ?? str(spec['storageClassName'])}\n`);
    printLabels(w, 'Labels', meta['labels'], '  ');
    printLabels(w, 'Annotations', meta['annotations'], '  ');
    const storage = obj(obj(spec['resources'])['requests'])['storage'];
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : quantityString(storage)}\n`);
    w.write(1, `Access Modes:\t${goSlice(spec['accessModes'])}\n`);
  }
}

/** `kubectl describe statefulset`. */
export const describeStatefulSet: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const selector = selectorString(spec['selector']);
  const phases = await podPhases(c.k, o, selector);
  const events = await eventsOf(c, o, 'StatefulSet');
  printHeader(w, o);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Replicas:\t${num(spec['replicas'])} desired | ${num(obj(o['status'])['replicas'])} total\n`);
  const strategy = obj(spec['updateStrategy']);
  w.write(0, `Update Strategy:\t${str(strategy['type'])}\n`);
  const ru = strategy['rollingUpdate'] ? obj(strategy['rollingUpdate']) : undefined;
  if (ru && typeof ru['partition'] === 'number') {
    w.write(1, `Partition:\t${ru['partition']}\n`);
    if (ru['maxUnavailable'] !== undefined) w.write(1, `MaxUnavailable:\t${intOrString(ru['maxUnavailable'])}\n`);
  }
  w.write(0, `Pods Status:\t${phases}\n`);
  describePodTemplate(w, spec['template']);
  volumeClaimTemplates(w, spec['volumeClaimTemplates']);
  printEvents(w, events, nowOf(c, o, events));
};
