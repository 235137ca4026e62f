/**
 * pods/exec and pods/attach (pkg/registry/core/pod/rest/subresources.go, ExecREST and
 * AttachREST): the options from the query (`command` repeated, `container`, `stdin`, `stdout`,
 * `stderr`, `tty`), the pod and container checked as kube-apiserver's streamLocation does (its
 * 400s: `container web is not valid for pod web`, `a container name must be specified for pod
 * web, choose one of: [a b]`, `pod web does not have a host assigned`), a request that asks for
 * no upgrade refused (`Upgrade request required`), and then a stream response carrying a
 * `RemoteCommand` that the adapter runs over the WebSocket once it has upgraded the connection.
 *
 * As Kubernetes 1.32's API server translates a WebSocket (v5.channel.k8s.io) into SPDY towards
 * the kubelet, what goes wrong after the upgrade reaches the client as a Status on the error
 * channel: `Internal error occurred: unable to upgrade connection: container not found ("web")`
 * for a container that does not run, the kubelet's own internal error wrapped once more for a
 * command the runtime cannot start, `NonZeroExitCode` with an `ExitCode` cause for a command
 * that failed, `Success` otherwise.
 */
import { badRequest } from '../api/status';
import type { Pod } from '../api/types';
import type { ApiRequest, ApiResponse, WatchStream } from './request';

/** PodExecOptions / PodAttachOptions, as the query gives them. */
export interface RemoteCommandOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  container: string;
  /** The command (exec only). */
  command: string[];
}

/** A process the kubelet streams: an exec'd command, or a container's own program. */
export interface RemoteProcess {
  write(data: string): void;
  closeStdin(): void;
  resize(cols: number, rows: number): void;
  onOutput(fn: (stream: 'stdout' | 'stderr', text: string) => void): void;
  onExit(fn: (code: number) => void): void;
  /** The client went away. */
  close(): void;
}

/** Why a kubelet could not start a stream: before its upgrade (`container not found`), or when the runtime failed. */
export type StreamRefusal = { ok: false; stage: 'upgrade' | 'exec'; message: string };

/** What the API server asks of a node's kubelet for exec and attach (its :10250/exec and /attach). */
export interface KubeletStreams {
  execStream(namespace: string, pod: string, container: string, argv: string[], options: { stdin: boolean; tty: boolean }): { ok: true; session: RemoteProcess } | StreamRefusal;
  attachStream(namespace: string, pod: string, container: string): { ok: true; session: RemoteProcess } | StreamRefusal;
}

/** A metav1.Status as the error channel carries it (json.Marshal of the bare Status: no kind). */
export type ChannelStatus = Record<string, unknown>;

/** Where a running remote command sends what it produces. */
export interface RemoteCommandSink {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The final Status (error channel); nothing follows. */
  end(status: ChannelStatus): void;
}

/** What the client sends to a running remote command. */
export interface RemoteCommandControl {
  stdin(text: string): void;
  /** The client closed its stdin (v5's CLOSE signal). */
  closeStdin(): void;
  resize(cols: number, rows: number): void;
  /** The connection dropped. */
  close(): void;
}

/** A remote command, ready to start once the adapter has upgraded the connection. */
export interface RemoteCommand {
  readonly kind: 'exec' | 'attach';
  readonly options: RemoteCommandOptions;
  start(sink: RemoteCommandSink): RemoteCommandControl;
}

/** Go's query conversion of a bool: absent is false; "0" and "false" are false; anything else is true. */
function flag(values: string[] | undefined): boolean {
  const v = values?.[0];
  if (v === undefined) return false;
  return v !== '0' && v.toLowerCase() !== 'false';
}

/** The options of a request (stdout and stderr default to true, as SetDefaults_PodExecOptions sets them). */
export function remoteCommandOptions(req: ApiRequest): RemoteCommandOptions {
  const all = req.queryAll ?? Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, [v]]));
  return {
    stdin: flag(all['stdin']),
    stdout: all['stdout'] === undefined ? true : flag(all['stdout']),
    stderr: all['stderr'] === undefined ? true : flag(all['stderr']),
    tty: flag(all['tty']),
    container: all['container']?.[0] ?? '',
    command: all['command'] ?? [],
  };
}

/** streamLocation's checks: the container named (or the only one), and the node the pod runs on. */
export function streamContainer(pod: Pod, container: string): string {
  const name = pod.metadata.name ?? '';
  const names = (list: { name: string }[] | undefined) => (list ?? []).map((c) => c.name);
  const ephemeral = (pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [];
  if (!container) {
    if (pod.spec.containers.length === 1) return pod.spec.containers[0]?.name ?? '';
    if (pod.spec.containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    let msg = `a container name must be specified for pod ${name}, choose one of: [${names(pod.spec.containers).join(' ')}]`;
    const init = names(pod.spec.initContainers);
    if (init.length > 0) msg += ` or one of the init containers: [${init.join(' ')}]`;
    throw badRequest(msg);
  }
  if (![...names(pod.spec.containers), ...names(pod.spec.initContainers), ...names(ephemeral)].includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

/** Whether a request asks for a connection upgrade (WebSocket or SPDY). */
export function isUpgradeRequest(headers: Record<string, string>): boolean {
  return (headers['connection'] ?? '').toLowerCase().split(',').some((t) => t.trim() === 'upgrade') && (headers['upgrade'] ?? '') !== '';
}

/** The error channel's Success. */
export const SUCCESS_STATUS: ChannelStatus = { metadata: {}, status: 'Success' };

/** The error channel's Status for an exit code other than 0. */
export function exitStatus(code: number): ChannelStatus {
  return { metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: command terminated with exit code ${code}`, reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(code) }] } };
}

/** The error channel's Status for an error (apierrors.NewInternalError). */
export function internalStatus(message: string): ChannelStatus {
  return { metadata: {}, status: 'Failure', message: `Internal error occurred: ${message}`, reason: 'InternalError', details: { causes: [{ message }] }, code: 500 };
}

/** The stream a node's kubelet serves, if it runs. */
export type KubeletStreamsOf = (node: string) => Partial<KubeletStreams> | undefined;

/** The answer to GET or POST pods/NAME/exec|attach. */
export function remoteCommandResponse(kind: 'exec' | 'attach', pod: Pod, req: ApiRequest, kubelets: KubeletStreamsOf, nodeIP: (node: string) => string): ApiResponse {
  const options = remoteCommandOptions(req);
  const name = pod.metadata.name ?? '';
  const namespace = pod.metadata.namespace ?? '';
  const container = streamContainer(pod, options.container);
  const node = pod.spec.nodeName;
  if (!node) throw badRequest(`pod ${name} does not have a host assigned`);
  if (!isUpgradeRequest(req.headers)) throw badRequest('Upgrade request required');
  const remote: RemoteCommand = {
    kind,
    options: { ...options, container },
    start(sink) {
      const noop: RemoteCommandControl = { stdin: () => undefined, closeStdin: () => undefined, resize: () => undefined, close: () => undefined };
      const kubelet = kubelets(node);
      const r = kind === 'exec' ? kubelet?.execStream?.(namespace, name, container, options.command, { stdin: options.stdin, tty: options.tty }) : kubelet?.attachStream?.(namespace, name, container);
      if (!r) {
        sink.end(internalStatus(`dial tcp ${nodeIP(node)}:10250: connect: connection refused`));
        return noop;
      }
      if (!r.ok) {
        // The kubelet's refusal reaches the API server's SPDY client as an upgrade failure; an
        // exec the runtime could not start, as the kubelet's own internal error.
        sink.end(internalStatus(r.stage === 'upgrade' ? `unable to upgrade connection: ${r.message}` : `Internal error occurred: ${r.message}`));
        return noop;
      }
      const s = r.session;
      s.onOutput((stream, text) => {
        if (stream === 'stdout' && options.stdout) sink.stdout(text);
        else if (stream === 'stderr' && options.stderr) sink.stderr(text);
      });
      s.onExit((code) => sink.end(code === 0 || kind === 'attach' ? SUCCESS_STATUS : exitStatus(code)));
      return { stdin: (t) => s.write(t), closeStdin: () => s.closeStdin(), resize: (c, rows) => s.resize(c, rows), close: () => s.close() };
    },
  };
  // A watch-like stream whose `start` only tells when the connection must drop (the API server stopping).
  const stream: WatchStream = { remote, start: () => () => undefined };
  return { status: 200, headers: {}, stream };
}
