/**
 * The contract between the network's tools (curl, wget, ping, nslookup) and cluster DNS: a name
 * asked by a pod is resolved with the pod's resolv.conf (search path, ndots) by the DNS server.
 */
import type { PodInfo } from './policy';

/** The answer to one lookup. */
export type DnsResult =
  | {
      ok: true;
      /** The fully qualified name that answered (`web.default.svc.cluster.local`). */
      name: string;
      /** A records, in answer order. */
      addresses: string[];
      /** A CNAME followed (ExternalName services), if any. */
      cname?: string;
      /** The DNS server asked (the kube-dns Service's address). */
      server: string;
    }
  | {
      ok: false;
      /** nxdomain: no such name; timeout: no server answered; servfail: the server failed. */
      error: 'nxdomain' | 'timeout' | 'servfail';
      /** The names asked, in order (the search path expanded). */
      tried: string[];
      server: string;
    };

/** Resolves names as seen from a pod (or from a node when `from` is undefined). */
export interface Resolver {
  resolve(from: PodInfo | undefined, name: string): DnsResult;
}
