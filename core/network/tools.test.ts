import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import type { PodDirectory } from './agent';
import { Network } from './network';
import type { PodInfo, PolicyView } from './policy';
import type { DnsResult, Resolver } from './resolver';
import { parseUrl } from './tools';

const client: PodInfo = { key: 'default/client', namespace: 'default', name: 'client', ip: '10.244.1.5', nodeName: 'w1', labels: {}, ports: [], hostNetwork: false };
const web: PodInfo = { ...client, key: 'default/web-0', name: 'web-0', ip: '10.244.1.6' };

function setup(dns: (name: string) => DnsResult): Network {
  const net = new Network(new ManualClock(0));
  net.addNode({ name: 'w1', ip: '172.18.0.3', podCIDR: '10.244.1.0/24' });
  const dir: PodDirectory & PolicyView = { pod: (k) => [client, web].find((p) => p.key === k), podByIP: (ip) => [client, web].find((p) => p.ip === ip), runningPods: () => [], policies: () => [], namespaceLabels: () => ({}) };
  net.setDirectory(dir);
  const resolver: Resolver = { resolve: (_from, name) => dns(name) };
  net.setResolver(resolver);
  net.program({ node: 'w1', syncedAt: 0, services: [{ name: 'default/web:', service: 'default/web', protocol: 'TCP', clusterIP: '10.96.0.50', port: 80, externalIPs: [], internalLocal: false, externalLocal: false, endpoints: [] }] });
  return net;
}
const server = '10.96.0.10';
const answers = (name: string): DnsResult =>
  name === 'web' ? { ok: true, name: 'web.default.svc.cluster.local', addresses: ['10.96.0.50'], server } : name === 'pod' ? { ok: true, name: 'pod.default.svc.cluster.local', addresses: [web.ip], server } : { ok: false, error: 'nxdomain', tried: [name], server };

describe('network tools', () => {
  it('parses URLs as curl does', () => {
    expect(parseUrl('web')).toEqual({ scheme: 'http', host: 'web', port: 80, path: '/' });
    expect(parseUrl('https://web.default:8443/x?y=1')).toEqual({ scheme: 'https', host: 'web.default', port: 8443, path: '/x?y=1' });
  });

  it('prints curl and wget errors', () => {
    const net = setup(answers);
    expect(net.httpFrom('default/client', 'http://nope')).toMatchObject({ ok: false, message: 'curl: (6) Could not resolve host: nope', exitCode: 6 });
    expect(net.httpFrom('default/client', 'http://web')).toMatchObject({ ok: false, message: "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server", exitCode: 7 });
    expect(net.httpFrom('default/client', 'http://pod:8080')).toMatchObject({ ok: false, error: 'refused' });
    expect(net.httpFrom('default/client', 'http://10.9.9.9', { timeoutMs: 5000 })).toMatchObject({ ok: false, message: 'curl: (28) Connection timed out after 5001 milliseconds', exitCode: 28, elapsedMs: 5000 });
    expect(net.httpFrom('default/client', 'http://10.9.9.9')).toMatchObject({ message: "curl: (28) Failed to connect to 10.9.9.9 port 80 after 130000 ms: Couldn't connect to server" });
    expect(net.httpFrom('default/client', 'http://web', { tool: 'wget' })).toMatchObject({ message: "wget: can't connect to remote host (10.96.0.50): Connection refused", exitCode: 1 });
    expect(net.httpFrom('default/client', 'http://nope', { tool: 'wget' })).toMatchObject({ message: "wget: bad address 'nope'" });
  });

  it('answers with the pod that served, and wget fails on HTTP errors', () => {
    const net = setup(answers);
    net.listen(web.ip, 80, { http: (req) => ({ status: req.path === '/' ? 200 : 404, headers: {}, body: 'hi' }) });
    expect(net.httpFrom('default/client', 'pod')).toMatchObject({ ok: true, pod: 'default/web-0', response: { status: 200, body: 'hi' } });
    expect(net.httpFrom('default/client', 'pod/x', { tool: 'wget' })).toMatchObject({ ok: false, message: 'wget: server returned error: HTTP/1.1 404 Not Found' });
    net.listen(web.ip, 81, { tcp: () => true });
    expect(net.httpFrom('default/client', 'pod:81')).toMatchObject({ message: 'curl: (52) Empty reply from server', exitCode: 52 });
  });

  it('prints nslookup and ping as BIND and busybox do', () => {
    const net = setup(answers);
    expect(net.nslookup('default/client', 'web').out).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.50\n\n');
    expect(net.nslookup('default/client', 'nope')).toMatchObject({ out: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n", code: 1 });
    const down = setup((name) => ({ ok: false, error: 'timeout', tried: [name], server }));
    expect(down.nslookup('default/client', 'web')).toMatchObject({ out: ';; connection timed out; no servers could be reached\n\n', code: 1 });
    expect(net.ping('default/client', 'web', 2)).toMatchObject({ code: 1, out: 'PING web (10.96.0.50): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n' });
    expect(net.ping('default/client', 'pod', 1).out).toBe('PING pod (10.244.1.6): 56 data bytes\n64 bytes from 10.244.1.6: seq=0 ttl=63 time=0.085 ms\n\n--- pod ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.085/0.085/0.085 ms\n');
  });
});
