/** kubectl describe's layout of a pod. */
import type { KubeObject } from '../../../api/types';
import { printAnnotations, printEvents, printLabels, rfc1123z, type DescribeContext } from './common';
import { controllerOf } from './describers';
import { describeContainers, describeVolumes, printTolerations, type ContainerStatus, type PodSpec } from './template';
import type { DescribeWriter } from './tabwriter';

interface PodStatus {
  phase?: string;
  reason?: string;
  message?: string;
  hostIP?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  nominatedNodeName?: string;
  conditions?: { type: string; status: string }[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

/** `kubectl describe pod`. */
export async function describePod(c: DescribeContext, w: DescribeWriter, o: KubeObject, events: KubeObject[]): Promise<void> {
  const spec = o['spec'] as PodSpec;
  const status = (o['status'] ?? {}) as PodStatus;
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  if (o.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, c.now)})\n`);
    w.write(0, `Termination Grace Period:\t${o.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const ctl = controllerOf(o);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses ?? [], '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], '');
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const cond of status.conditions ?? []) w.write(1, `${cond.type} \t${cond.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${status.qosClass ?? ''}\n`);
  printLabels(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, 'Tolerations', spec.tolerations);
  printEvents(w, events, c.now);
  await Promise.resolve();
}

function since(t: string, now: number): string {
  const ms = now - Date.parse(t);
  return `${Math.max(0, Math.trunc(ms / 1000))}s`;
}
