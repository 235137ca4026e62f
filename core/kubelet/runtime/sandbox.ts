/**
 * A pod sandbox as containerd makes one: the pause container holding the pod's network
 * namespace (one IP, one port space for all its containers, `localhost` between them), the
 * pod's emptyDir volumes, and the listeners its servers open on the pod network.
 */
import type { Clock } from '../../clock/clock';
import type { HttpRequest, HttpResponse, Listener, PodNetwork } from '../../network/types';
import type { SimContainer } from './container';
import { Volume } from './fs';

/** Resolves a name (a Service, a pod's hostname) as the pod's DNS would; undefined when unknown. */
export type Resolver = (name: string, namespace: string) => string | undefined;

/** The answer to a connection from inside a pod. */
export type DialResult<T> = { ok: true; res: T } | { ok: false; error: string };

/** One pod sandbox. */
export class PodSandbox {
  /** emptyDir volumes by name. */
  readonly emptyDirs = new Map<string, Volume>();
  private readonly listeners = new Map<number, { owner: SimContainer; listener: Listener; stop?: () => void }>();
  /** The pause container (not in the API; node shells show it). */
  pause: SimContainer | undefined;
  readonly createdAt: number;

  constructor(
    readonly id: string,
    readonly uid: string,
    /** namespace/name. */
    readonly pod: string,
    readonly hostname: string,
    readonly ip: string,
    readonly clock: Clock,
    readonly cpus: number,
    readonly network: PodNetwork | undefined,
    private readonly resolver: Resolver | undefined,
    readonly hostNetwork: boolean,
  ) {
    this.createdAt = clock.now();
  }

  /** The pod's namespace. */
  get namespace(): string {
    return this.pod.split('/')[0] ?? '';
  }

  /** The emptyDir `name` (made on first use). */
  emptyDir(name: string): Volume {
    let v = this.emptyDirs.get(name);
    if (!v) {
      v = new Volume();
      this.emptyDirs.set(name, v);
    }
    return v;
  }

  /** A container listens on `port` of the pod's IP (and localhost). */
  listen(owner: SimContainer, port: number, listener: Listener): void {
    this.listeners.get(port)?.stop?.();
    const entry: { owner: SimContainer; listener: Listener; stop?: () => void } = { owner, listener };
    if (this.network) entry.stop = this.network.listen(this.ip, port, listener);
    this.listeners.set(port, entry);
  }

  /** Closes every port a container opened (it exited). */
  unlistenAll(owner: SimContainer): void {
    for (const [port, l] of this.listeners) {
      if (l.owner !== owner) continue;
      l.stop?.();
      this.listeners.delete(port);
    }
  }

  /** Closes every port (the sandbox is removed). */
  close(): void {
    for (const l of this.listeners.values()) l.stop?.();
    this.listeners.clear();
  }

  /** The listener on a port of this pod (probes, localhost). */
  listener(port: number): Listener | undefined {
    return this.listeners.get(port)?.listener;
  }

  private target(host: string): { local: true } | { local: false; ip: string } | undefined {
    if (host === 'localhost' || host === '127.0.0.1' || host === this.ip || host === this.hostname) return { local: true };
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { local: false, ip: host };
    const ip = this.resolver?.(host, this.namespace);
    return ip ? (ip === this.ip ? { local: true } : { local: false, ip }) : undefined;
  }

  /** An HTTP request from inside the pod (curl, wget), with curl's errors. */
  http(host: string, port: number, req: HttpRequest): DialResult<HttpResponse> {
    const t = this.target(host);
    if (!t) return { ok: false, error: `(6) Could not resolve host: ${host}` };
    const from = { ip: this.ip, pod: this.pod };
    if (t.local) {
      const l = this.listener(port);
      if (!l) return { ok: false, error: `(7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
      if (!l.http) return { ok: false, error: '(52) Empty reply from server' };
      return { ok: true, res: l.http(req, from) };
    }
    if (!this.network) return { ok: false, error: `(7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
    const r = this.network.http(from, t.ip, port, req);
    if (r.ok) return { ok: true, res: r.value };
    if (r.error === 'timeout') return { ok: false, error: `(28) Failed to connect to ${host} port ${port} after 130000 ms: Couldn't connect to server` };
    return { ok: false, error: `(7) Failed to connect to ${host} port ${port} after 0 ms: ${r.error === 'refused' ? "Couldn't connect to server" : 'No route to host'}` };
  }

  /** A TCP connection from inside the pod. */
  tcp(host: string, port: number): DialResult<true> {
    const t = this.target(host);
    if (!t) return { ok: false, error: `bad address '${host}'` };
    if (t.local) return this.listener(port)?.tcp?.({ ip: this.ip }) ? { ok: true, res: true } : { ok: false, error: 'Connection refused' };
    if (!this.network) return { ok: false, error: 'Connection refused' };
    const r = this.network.tcp({ ip: this.ip, pod: this.pod }, t.ip, port);
    return r.ok ? { ok: true, res: true } : { ok: false, error: r.error === 'timeout' ? 'Connection timed out' : 'Connection refused' };
  }
}
