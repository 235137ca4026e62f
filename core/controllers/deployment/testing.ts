/**
 * Builders of Deployments and ReplicaSets, and a small fake of the apps API, for the Deployment
 * controller's unit tests.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../api/types';
import type { Clock } from '../../clock/clock';
import { Client, type Send } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import type { DeploymentSyncContext } from './context';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from './util/annotations';

/** A Deployment `web` of `replicas` nginx pods, RollingUpdate with the given fenceposts (defaults 25%/25%). */
export function deployment(replicas: number, opts: { maxSurge?: IntOrString; maxUnavailable?: IntOrString; image?: string; recreate?: boolean; generation?: number } = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: opts.generation ?? 1, resourceVersion: '1' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: opts.image ?? 'nginx:1.26' }] } },
      strategy: opts.recreate ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? '25%', maxUnavailable: opts.maxUnavailable ?? '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

/** A ReplicaSet of `web` with a hash, a size, a revision, an age (creation second) and its available pods. */
export function replicaSet(hash: string, replicas: number, opts: { revision?: number; created?: number; available?: number; image?: string; desired?: number; max?: number } = {}): ReplicaSet {
  const annotations: Record<string, string> = {};
  if (opts.revision !== undefined) annotations[REVISION_ANNOTATION] = String(opts.revision);
  if (opts.desired !== undefined) annotations[DESIRED_REPLICAS_ANNOTATION] = String(opts.desired);
  if (opts.max !== undefined) annotations[MAX_REPLICAS_ANNOTATION] = String(opts.max);
  const labels = { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'default',
      uid: `rs-${hash}`,
      labels,
      annotations,
      creationTimestamp: new Date(Date.UTC(2026, 2, 1, 9, 0, opts.created ?? 0)).toISOString().replace('.000Z', 'Z'),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: opts.image ?? 'nginx:1.26' }] } },
    },
    status: { replicas, readyReplicas: opts.available ?? replicas, availableReplicas: opts.available ?? replicas },
  };
}

/**
 * A tiny in-memory apps/v1 API for the controller's unit tests: one Deployment and its
 * ReplicaSets, with resourceVersions, generations and conflicts as the API server has them, a
 * stand-in for the ReplicaSet controller and kubelets (`settle`: pods created in one step are
 * available in the next; removed pods go at once) and the events the controller recorded.
 */
export class FakeApps {
  readonly replicaSets = new Map<string, ReplicaSet>();
  readonly events: string[] = [];
  /** The Progressing reason of each status write of the Deployment, in order. */
  readonly progressing: string[] = [];
  private rv = 100;
  private uid = 0;

  constructor(
    public deployment: Deployment,
    private readonly now: () => number,
  ) {}

  private stamp<T extends { metadata: { resourceVersion?: string } }>(o: T): T {
    o.metadata.resourceVersion = String(++this.rv);
    return o;
  }

  private error(code: number, reason: string, message: string): { status: number; headers: Record<string, string>; body: unknown } {
    return { status: code, headers: {}, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message } };
  }

  /** The Client's transport. */
  readonly send: Send = async (req) => {
    const parts = req.path.split('/');
    const resource = parts[6];
    const name = parts[7];
    const sub = parts[8];
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : undefined;
    const ok = (o: unknown, status = 200) => ({ status, headers: {}, body: JSON.parse(JSON.stringify(o)) as unknown });
    if (resource === 'deployments') {
      const d = this.deployment;
      if (req.method === 'GET') return ok(d);
      const given = body as unknown as Deployment;
      if (given.metadata.resourceVersion !== d.metadata.resourceVersion) return this.error(409, 'Conflict', 'the object has been modified');
      if (sub === 'status') {
        this.deployment = { ...d, metadata: { ...d.metadata, annotations: given.metadata.annotations }, status: given.status };
        this.progressing.push(given.status?.conditions?.find((c) => c.type === 'Progressing')?.reason ?? '');
      }
      else {
        const changed = JSON.stringify(given.spec) !== JSON.stringify(d.spec) || JSON.stringify(given.metadata.annotations) !== JSON.stringify(d.metadata.annotations);
        this.deployment = { ...given, metadata: { ...given.metadata, generation: (d.metadata.generation ?? 1) + (changed ? 1 : 0) }, status: d.status };
      }
      return ok(this.stamp(this.deployment));
    }
    if (req.method === 'POST') {
      const rs = body as unknown as ReplicaSet;
      const n = rs.metadata.name ?? '';
      if (this.replicaSets.has(n)) return this.error(409, 'AlreadyExists', `replicasets.apps "${n}" already exists`);
      rs.metadata = { ...rs.metadata, uid: `uid-${++this.uid}`, generation: 1, creationTimestamp: new Date(Math.floor(this.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z') };
      rs.status = { replicas: 0 };
      this.replicaSets.set(n, this.stamp(rs));
      return ok(rs, 201);
    }
    const cur = this.replicaSets.get(name ?? '');
    if (!cur) return this.error(404, 'NotFound', `replicasets.apps "${name ?? ''}" not found`);
    if (req.method === 'DELETE') {
      this.replicaSets.delete(name ?? '');
      return ok({ kind: 'Status', status: 'Success' });
    }
    const rs = body as unknown as ReplicaSet;
    if (rs.metadata.resourceVersion !== cur.metadata.resourceVersion) return this.error(409, 'Conflict', 'the object has been modified');
    const generation = (cur.metadata.generation ?? 1) + (JSON.stringify(rs.spec) !== JSON.stringify(cur.spec) ? 1 : 0);
    this.replicaSets.set(name ?? '', this.stamp({ ...rs, metadata: { ...rs.metadata, generation }, status: cur.status }));
    return ok(this.replicaSets.get(name ?? ''));
  };

  /** The ReplicaSet controller and kubelets, one step: sizes follow the specs; pods made last step are available now. */
  settle(): void {
    for (const [n, rs] of this.replicaSets) {
      const spec = rs.spec.replicas ?? 1;
      const before = rs.status?.replicas ?? 0;
      const available = Math.min(spec, before);
      this.replicaSets.set(n, this.stamp({ ...rs, status: { replicas: spec, readyReplicas: available, availableReplicas: available, observedGeneration: rs.metadata.generation ?? 1 } }));
    }
  }

  /** The ReplicaSets, oldest first. */
  list(): ReplicaSet[] {
    return [...this.replicaSets.values()].map((rs) => JSON.parse(JSON.stringify(rs)) as ReplicaSet);
  }

  /** A sync context over this fake (the lister reads the fake directly). */
  context(clock: Clock): DeploymentSyncContext {
    return {
      client: new Client(this.send, { name: 'system:serviceaccount:kube-system:deployment-controller', groups: [] }),
      recorder: { event: (_o: unknown, type: string, reason: string, message: string) => this.events.push(`${type} ${reason} ${message}`) } as unknown as EventRecorder,
      clock,
      replicaSets: { get: (key: string) => this.replicaSets.get(key.split('/')[1] ?? '') } as unknown as Informer<ReplicaSet>,
      enqueueAfter: () => undefined,
      enqueueRateLimited: () => undefined,
      trace: () => undefined,
    };
  }
}
