/**
 * The contract of the simulated pod network, shared by the kubelets (whose containers listen
 * and connect), kube-proxy (which turns Service addresses into pod addresses) and cluster DNS.
 * Nothing here moves bytes: a connection is a function call that returns what the peer answers.
 */

/** An HTTP request as a simulated client (curl, wget, a probe, a load generator) sends it. */
export interface HttpRequest {
  method: string;
  /** The Host header (a name or an address). */
  host: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** An HTTP response from a simulated server. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Where a connection came from. */
export interface Peer {
  ip: string;
  /** The pod (namespace/name) the connection comes from, if it comes from a pod. */
  pod?: string;
}

/** Something that answers connections on an address and port (a container's server). */
export interface Listener {
  /** Answers one HTTP request (servers that do not speak HTTP answer with a protocol error). */
  http?(req: HttpRequest, from: Peer): HttpResponse;
  /** Accepts a bare TCP connection (tcpSocket probes, `nc -z`); true when accepted. */
  tcp?(from: Peer): boolean;
}

/** Why a connection failed, as the tools print it. */
export type ConnectError = 'refused' | 'timeout' | 'unreachable' | 'no-route';

/** The result of a connection attempt. */
export type ConnectResult<T> = { ok: true; value: T; ip: string; port: number } | { ok: false; error: ConnectError };

/** The pod network as components see it. */
export interface PodNetwork {
  /** A server starts listening on `ip:port` (TCP). Returns a function that stops it. */
  listen(ip: string, port: number, listener: Listener): () => void;
  /** An HTTP request to `ip:port` (after kube-proxy's translation of Service addresses). */
  http(from: Peer, ip: string, port: number, req: HttpRequest): ConnectResult<HttpResponse>;
  /** A bare TCP connection to `ip:port`. */
  tcp(from: Peer, ip: string, port: number): ConnectResult<true>;
}
