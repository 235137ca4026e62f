/**
 * `kubectl expose (-f FILE | TYPE NAME) [--port] [--target-port] [--type] [--name] [--protocol]
 * [--selector] ...`: the Service kubectl's generator builds for a pod, service, replication
 * controller, deployment or replica set — its selector, ports and protocols, labels taken from
 * the exposed object unless given — created with `fieldManager=kubectl-expose` (`service/x
 * exposed`) or printed (`--dry-run=client -o yaml`); and kubectl's errors (`cannot expose a
 * Node`, `couldn't find port via --port flag or introspection`, ...).
 */
import { apiSchemas } from '../../api/schema';
import { StatusError } from '../../api/status';
import type { KubeObject } from '../../api/types';
import { patchObject } from '../../apiserver/patch/patch';
import { TypeView } from '../../apiserver/patch/schema';
import type { JsonObject } from '../../apiserver/patch/value';
import { withLastApplied } from './apply';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, checkOutput, dryRunOf, finish, printOperation, resourceInfos, writeQuery, type Failure } from './mutate';
import { kindSchema } from './twoWay';

type Json = Record<string, unknown>;

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet']);

/** polymorphichelpers.MakeLabels: `k=v,k2=v2`. */
function makeLabels(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The pod selector of the exposed object, or kubectl's error. */
function selectorOf(obj: Json, kind: string): string {
  const spec = (obj['spec'] ?? {}) as Json;
  if (kind === 'ReplicationController') return makeLabels(spec['selector'] as Record<string, string> | undefined);
  if (kind === 'Pod') {
    const labels = ((obj['metadata'] ?? {}) as Json)['labels'] as Record<string, string> | undefined;
    if (!labels || Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
    return makeLabels(labels);
  }
  if (kind === 'Service') {
    if (!spec['selector']) throw new Error('the service has no pod selector set');
    return makeLabels(spec['selector'] as Record<string, string>);
  }
  const selector = spec['selector'] as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
  if (!selector || Object.keys(selector.matchLabels ?? {}).length === 0) throw new Error(`invalid ${kind.toLowerCase()}: no selectors, therefore cannot be exposed`);
  if ((selector.matchExpressions ?? []).length > 0) throw new Error(`couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`);
  return makeLabels(selector.matchLabels);
}

/** The container ports of a pod spec (or a service's ports), each once, with their protocols. */
function portsOf(obj: Json, kind: string): { ports: string[]; protocols: Map<string, string[]> } {
  const spec = (obj['spec'] ?? {}) as Json;
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: unknown, protocol: unknown) => {
    const key = String(port);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), typeof protocol === 'string' && protocol ? protocol : 'TCP']);
  };
  if (kind === 'Service') {
    for (const p of (spec['ports'] ?? []) as Json[]) add(p['port'], p['protocol']);
    return { ports, protocols };
  }
  const podSpec = (kind === 'Pod' ? spec : ((((spec['template'] ?? {}) as Json)['spec'] ?? {}) as Json)) as Json;
  for (const c of (podSpec['containers'] ?? []) as Json[]) for (const p of (c['ports'] ?? []) as Json[]) add(p['containerPort'], p['protocol']);
  return { ports, protocols };
}

/** expose's parseLabels: `k=v,k2=v2` into a map. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new Error('unexpected empty label key');
    out[kv[0] as string] = kv[1] as string;
  }
  return out;
}

/** intstr.Parse: a number when the text is one. */
function intOrString(text: string): number | string {
  return /^-?\d+$/.test(text) && Math.abs(Number(text)) < 2 ** 31 ? Number(text) : text;
}

/** strconv.Atoi with Go's error. */
function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

interface ServiceOptions {
  name: string;
  selector: string;
  labels: string;
  port: string;
  protocols: Map<string, string[]>;
  flags: Flags;
  /** Set on a client dry run when `-n` was given. */
  namespace?: string;
}

/** createService: the Service, its fields in the Go struct's order (what `-o json` prints). */
function createService(o: ServiceOptions): Json {
  const { flags } = o;
  if (!o.selector) throw new Error('selector must be specified');
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  if (!o.name) throw new Error('name must be specified');
  const ports: Json[] = [];
  const protocol = flags.str('protocol');
  if (o.port) {
    const list = o.port.split(',');
    list.forEach((text, i) => {
      const port = atoi(text);
      const name = list.length > 1 ? `port-${i + 1}` : '';
      let proto = protocol;
      if (!proto && o.protocols.size === 0) proto = 'TCP';
      else if (!proto) {
        proto = 'TCP';
        const found = o.protocols.get(text);
        if (found && found.length === 1) proto = found[0] as string;
        else if (found) {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
          return;
        }
      }
      ports.push({ ...(name ? { name } : {}), protocol: proto, port });
    });
  }
  const target = flags.str('target-port');
  for (const p of ports) p['targetPort'] = target ? intOrString(target) : p['port'];
  const spec: Json = { ports, selector };
  if (flags.str('cluster-ip')) spec['clusterIP'] = flags.str('cluster-ip');
  if (flags.str('type')) spec['type'] = flags.str('type');
  if (flags.str('external-ip')) spec['externalIPs'] = [flags.str('external-ip')];
  const affinity = flags.str('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new Error(`unknown session affinity: ${affinity}`);
    spec['sessionAffinity'] = affinity;
  }
  if (spec['type'] === 'LoadBalancer' && flags.str('load-balancer-ip')) spec['loadBalancerIP'] = flags.str('load-balancer-ip');
  if (ports.length === 0) delete spec['ports'];
  const metadata: Json = { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) };
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}

/** --overrides: the generated object patched with a merge (default), JSON or strategic patch. */
function override(flags: Flags, svc: Json): Json {
  const text = flags.str('overrides');
  if (!text) return svc;
  const type = flags.str('override-type', 'merge');
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') throw new Error(`invalid override type: ${type}`);
  try {
    return patchObject(type, svc as JsonObject, text, new TypeView(apiSchemas()), kindSchema('', 'v1', 'Service'), 'v1.Service') as Json;
  } catch (e) {
    if (e instanceof StatusError) throw new Error(e.status.message ?? e.message);
    throw e;
  }
}

/** `kubectl expose`. */
export async function expose(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl expose', args, {
      ...PRINT_FLAGS,
      ...FILENAME_FLAGS,
      ...DRY_RUN_FLAG,
      record: { kind: 'bool' },
      protocol: { kind: 'string' },
      port: { kind: 'string' },
      type: { kind: 'string' },
      'load-balancer-ip': { kind: 'string' },
      selector: { kind: 'string' },
      labels: { kind: 'string', short: 'l' },
      'target-port': { kind: 'string' },
      'external-ip': { kind: 'string' },
      name: { kind: 'string' },
      'session-affinity': { kind: 'string' },
      'cluster-ip': { kind: 'string' },
      'field-manager': { kind: 'string' },
      overrides: { kind: 'string' },
      'override-type': { kind: 'string' },
      'save-config': { kind: 'bool' },
    }),
  );
  const dry = dryRunOf(k, flags);
  checkOutput(flags);
  const { infos, errors } = await resourceInfos(k, flags, flags.positional, 'kubectl expose', { latest: false });
  const failures: Failure[] = [...errors];
  let selector = flags.str('selector');
  let port = flags.str('port');
  let labels = flags.str('labels');
  for (const info of infos) {
    const kind = info.type.kind;
    if (!EXPOSABLE.has(`${info.type.group}/${kind}`)) {
      failures.push(`cannot expose a ${kind}${info.type.group ? `.${info.type.group}` : ''}`);
      continue;
    }
    const obj = info.obj as unknown as Json;
    try {
      if (!selector) {
        try {
          selector = selectorOf(obj, kind);
        } catch (e) {
          throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
        }
      }
      const found = portsOf(obj, kind);
      if (!port) {
        if (found.ports.length === 0 && flags.str('cluster-ip') !== 'None') throw new Error("couldn't find port via --port flag or introspection");
        port = found.ports.join(',');
      }
      if (!labels) labels = makeLabels(info.obj.metadata?.labels);
      const ns = k.namespace(flags);
      const given = dry === 'client' && flags.str('namespace') ? { namespace: ns } : {};
      const svc = override(flags, createService({ name: flags.str('name') || info.name.slice(0, 63), selector, labels, port, protocols: found.protocols, flags, ...given }));
      if (dry === 'client') {
        printOperation(k, flags, { group: '', kind: 'Service' }, svc as unknown as KubeObject, 'exposed', dry, { struct: true });
        continue;
      }
      const body = flags.bool('save-config') ? withLastApplied(svc as unknown as KubeObject) : svc;
      const r = await k.send('POST', resourcePath({ group: '', version: 'v1', resource: 'services', namespaced: true } as never, ns), writeQuery(dry, flags.str('field-manager', 'kubectl-expose')), body);
      if (r.status >= 400) {
        failures.push({ status: r.body });
        continue;
      }
      printOperation(k, flags, { group: '', kind: 'Service' }, r.body as KubeObject, 'exposed', dry);
    } catch (e) {
      if (e instanceof CommandError) throw e;
      failures.push((e as Error).message);
    }
  }
  finish(failures);
}
