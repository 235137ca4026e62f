/**
 * pods/log: the API server finds the pod, checks the container name as kube-apiserver does
 * (pkg/registry/core/pod: `a container name must be specified for pod web, choose one of: [a
 * b]`), and asks the kubelet of the pod's node for the log (as it proxies to the kubelet's
 * /containerLogs), whose refusals come back as 400s (`container "web" in pod "web" is waiting to
 * start: ContainerCreating`). `follow=true` answers with a text stream.
 */
import { StatusError, badRequest, internalError } from '../api/status';
import type { Pod } from '../api/types';
import { utf8Bytes } from './resources/base64';
import type { KubeletStreams } from './remoteCommand';
import type { ApiResponse, WatchStream } from './request';

/** PodLogOptions, parsed. */
export interface PodLogQuery {
  container: string;
  previous: boolean;
  timestamps: boolean;
  follow: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
}

/** A log as a kubelet answers it: the text so far, and for `follow`, a way to receive what comes next. */
export interface LogAnswer {
  text: string;
  /** Sends each new chunk until the container ends; returns a function that stops it. */
  follow?(onText: (chunk: string) => void, onEnd: () => void): () => void;
}

/** What the API server asks of a node's kubelet for pods/log (its :10250/containerLogs). */
export interface KubeletLogs {
  /** The log of a container of a pod on the node; throws an Error whose message is the kubelet's 400. */
  containerLogs(namespace: string, pod: string, query: PodLogQuery): LogAnswer;
}

/** Finds the kubelet of a node (its logs, and its exec and attach streams when it has them); undefined when it does not run. */
export type NodeKubelets = (nodeName: string) => (KubeletLogs & Partial<KubeletStreams>) | undefined;

function int(query: Record<string, string>, name: string): number | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`couldn't parse ${name}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return n;
}

/** Parses the query of a pods/log request. */
export function parseLogQuery(query: Record<string, string>): PodLogQuery {
  const bool = (n: string) => query[n] === 'true' || query[n] === '1';
  const q: PodLogQuery = { container: query['container'] ?? '', previous: bool('previous'), timestamps: bool('timestamps'), follow: bool('follow') };
  const tail = int(query, 'tailLines');
  if (tail !== undefined) q.tailLines = tail;
  const since = int(query, 'sinceSeconds');
  if (since !== undefined) {
    if (since < 1) throw new StatusError({ ...badRequest('').status, code: 422, reason: 'Invalid', message: 'PodLogOptions "" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0' });
    q.sinceSeconds = since;
  }
  if (query['sinceTime']) q.sinceTime = query['sinceTime'];
  const limit = int(query, 'limitBytes');
  if (limit !== undefined) q.limitBytes = limit;
  return q;
}

/** ValidateContainer: the container named, or the only one; a 400 otherwise. */
export function logContainer(pod: Pod, container: string): string {
  const name = pod.metadata.name ?? '';
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...((pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [])].map((c) => c.name);
  if (!container) {
    if (pod.spec.containers.length === 1) return pod.spec.containers[0]?.name ?? '';
    if (pod.spec.containers.length === 0) throw badRequest(`pod ${name} does not have a container`);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${all.join(' ')}]`);
  }
  if (!all.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

/** The answer to GET pods/NAME/log. */
export function podLogResponse(pod: Pod, query: Record<string, string>, kubelets: NodeKubelets | undefined, nodeIP: (node: string) => string): ApiResponse {
  const q = parseLogQuery(query);
  q.container = logContainer(pod, q.container);
  const node = pod.spec.nodeName;
  const headers = { 'content-type': 'text/plain' };
  if (!node) return { status: 200, headers, body: new Uint8Array() };
  const kubelet = kubelets?.(node);
  const url = `https://${nodeIP(node)}:10250/containerLogs/${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}/${q.container}`;
  if (!kubelet) throw internalError(`Get ${JSON.stringify(url)}: dial tcp ${nodeIP(node)}:10250: connect: connection refused`);
  let answer: LogAnswer;
  try {
    answer = kubelet.containerLogs(pod.metadata.namespace ?? '', pod.metadata.name ?? '', q);
  } catch (e) {
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
  if (!q.follow || !answer.follow) return { status: 200, headers, body: new Uint8Array(utf8Bytes(answer.text)) };
  const follow = answer.follow;
  const stream: WatchStream = {
    text: true,
    start(sink) {
      if (answer.text) sink.send({ type: 'TEXT', object: answer.text });
      return follow(
        (chunk) => sink.send({ type: 'TEXT', object: chunk }),
        () => sink.end(),
      );
    },
  };
  return { status: 200, headers, stream };
}
