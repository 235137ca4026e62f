/**
 * StatefulPodControl (pkg/controller/statefulset/stateful_pod_control.go): creates a pod's
 * PersistentVolumeClaims before the pod, creates, updates and deletes pods, keeps the claims'
 * owner references as the set's `persistentVolumeClaimRetentionPolicy` says, and records the
 * controller's events with their real wording ("create Pod web-0 in StatefulSet web successful",
 * "create Claim www-web-0 Pod web-0 in StatefulSet web success").
 */
import { isStatusError } from '../../api/status';
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import type { ControllerContext } from '../manager';
import { controllerRef } from '../util/controllerRef';
import { clone } from '../util/pods';
import { identityMatches, inOrdinalRange, podClaims, storageMatches, updateIdentity, updateStorage } from './utils';

const INSTANCE = 'statefulset';

/** The text of an error, as Go's `%s` of it. */
export function errorText(e: unknown): string {
  return isStatusError(e) ? (e.status.message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

function title(verb: string): string {
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

/** The pod and claim writes of the StatefulSet controller. */
export class StatefulPodControl {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly claims: Informer<PersistentVolumeClaim>,
    private readonly recorder: EventRecorder,
  ) {}

  /** recordPodEvent. */
  private podEvent(verb: string, set: StatefulSet, pod: Pod, err?: unknown): void {
    const name = pod.metadata.name ?? '';
    if (err === undefined) this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name ?? ''} successful`);
    else this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${set.metadata.name ?? ''} failed error: ${errorText(err)}`);
  }

  /** recordClaimEvent. */
  private claimEvent(verb: string, set: StatefulSet, pod: Pod, claim: PersistentVolumeClaim, err?: unknown): void {
    const c = claim.metadata.name ?? '';
    const p = pod.metadata.name ?? '';
    const s = set.metadata.name ?? '';
    if (err === undefined) this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${c} Pod ${p} in StatefulSet ${s} success`);
    else this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${c} for Pod ${p} in StatefulSet ${s} failed error: ${errorText(err)}`);
  }

  private claim(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.claims.get(`${namespace}/${name}`);
  }

  /** createPersistentVolumeClaims: the pod's missing claims. */
  async createClaims(set: StatefulSet, pod: Pod): Promise<void> {
    const errs: string[] = [];
    for (const claim of podClaims(set, pod).values()) {
      const ns = claim.metadata.namespace ?? '';
      const existing = this.claim(ns, claim.metadata.name ?? '');
      if (existing) {
        if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claim.metadata.name ?? ''} is being deleted`);
        continue;
      }
      try {
        await this.ctx.client.create({ resource: 'persistentvolumeclaims', namespace: ns }, claim);
        this.claimEvent('create', set, pod, claim);
        this.ctx.trace.emit({ component: 'kube-controller-manager', instance: INSTANCE, action: 'create', object: `persistentvolumeclaims/${ns}/${claim.metadata.name ?? ''}`, message: `StatefulSet ${set.metadata.name ?? ''} created claim ${claim.metadata.name ?? ''} for pod ${pod.metadata.name ?? ''}` });
      } catch (e) {
        errs.push(`failed to create PVC ${claim.metadata.name ?? ''}: ${errorText(e)}`);
        if (!isStatusError(e, 'AlreadyExists')) this.claimEvent('create', set, pod, claim, e);
      }
    }
    if (errs.length > 0) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }

  /** createMissingPersistentVolumeClaims: the claims, then their owner references. */
  async createMissingClaims(set: StatefulSet, pod: Pod): Promise<void> {
    await this.createClaims(set, pod);
    try {
      await this.updateClaimsForRetentionPolicy(set, pod);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
  }

  /** CreateStatefulPod: claims first, then the pod. */
  async createPod(set: StatefulSet, pod: Pod): Promise<void> {
    try {
      await this.createClaims(set, pod);
    } catch (e) {
      this.podEvent('create', set, pod, e);
      throw e;
    }
    const ns = pod.metadata.namespace ?? '';
    let created: Pod;
    try {
      created = await this.ctx.client.create<Pod>({ resource: 'pods', namespace: ns }, pod);
    } catch (e) {
      if (isStatusError(e, 'AlreadyExists')) throw e;
      this.podEvent('create', set, pod, e);
      throw e;
    }
    try {
      await this.updateClaimsForRetentionPolicy(set, created);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
    this.podEvent('create', set, pod);
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: INSTANCE, action: 'create', object: `pods/${ns}/${pod.metadata.name ?? ''}`, message: `StatefulSet ${set.metadata.name ?? ''} created pod ${pod.metadata.name ?? ''}` });
  }

  /** UpdateStatefulPod: restores the pod's identity and storage (creating missing claims). */
  async updatePod(set: StatefulSet, current: Pod): Promise<void> {
    const pod = clone(current);
    let consistent = true;
    if (!identityMatches(set, pod)) {
      updateIdentity(set, pod);
      consistent = false;
    }
    if (!storageMatches(set, pod)) {
      updateStorage(set, pod);
      consistent = false;
      await this.createClaims(set, pod);
    }
    if (!(await this.claimsMatchRetentionPolicy(set, pod))) {
      await this.updateClaimsForRetentionPolicy(set, pod);
    }
    if (consistent) return;
    try {
      await this.ctx.client.update({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, pod);
      this.podEvent('update', set, pod);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
  }

  /** DeleteStatefulPod. */
  async deletePod(set: StatefulSet, pod: Pod): Promise<void> {
    const ns = pod.metadata.namespace ?? '';
    try {
      await this.ctx.client.delete({ resource: 'pods', namespace: ns, name: pod.metadata.name ?? '' });
    } catch (e) {
      this.podEvent('delete', set, pod, e);
      throw e;
    }
    this.podEvent('delete', set, pod);
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: INSTANCE, action: 'delete', object: `pods/${ns}/${pod.metadata.name ?? ''}`, message: `StatefulSet ${set.metadata.name ?? ''} deleted pod ${pod.metadata.name ?? ''}` });
  }

  /** The owner references a claim should have under the set's retention policy (isClaimOwnerUpToDate, simplified: no foreign controllers). */
  private wantedOwners(set: StatefulSet, pod: Pod): { set: boolean; pod: boolean } {
    const p = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    const scaledDown = !inOrdinalRange(pod, set);
    const whenScaled = p.whenScaled === 'Delete';
    const whenDeleted = p.whenDeleted === 'Delete';
    return { set: whenDeleted && !(whenScaled && scaledDown), pod: whenScaled && scaledDown };
  }

  private ownersUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
    const refs = claim.metadata.ownerReferences ?? [];
    const has = (uid: string | undefined) => uid !== undefined && refs.some((r) => r.uid === uid);
    const want = this.wantedOwners(set, pod);
    return has(set.metadata.uid) === want.set && has(pod.metadata.uid) === want.pod;
  }

  /** ClaimsMatchRetentionPolicy. */
  async claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): Promise<boolean> {
    for (const c of podClaims(set, pod).values()) {
      const claim = this.claim(c.metadata.namespace ?? '', c.metadata.name ?? '');
      if (claim && !this.ownersUpToDate(claim, set, pod)) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy: sets the claims' owner references to the set and/or the pod. */
  async updateClaimsForRetentionPolicy(set: StatefulSet, pod: Pod): Promise<void> {
    for (const c of podClaims(set, pod).values()) {
      const claim = this.claim(c.metadata.namespace ?? '', c.metadata.name ?? '');
      if (!claim || this.ownersUpToDate(claim, set, pod)) continue;
      const want = this.wantedOwners(set, pod);
      const mine = (r: OwnerReference) => (r.kind === 'StatefulSet' && r.name === set.metadata.name) || (r.kind === 'Pod' && r.name === pod.metadata.name);
      const refs: OwnerReference[] = (claim.metadata.ownerReferences ?? []).filter((r) => !mine(r));
      if (want.set) refs.push(controllerRef(set, 'apps/v1', 'StatefulSet'));
      if (want.pod && pod.metadata.uid) refs.push(controllerRef(pod as KubeObject, 'v1', 'Pod'));
      const updated: PersistentVolumeClaim = { ...claim, metadata: { ...claim.metadata, ownerReferences: refs } };
      if (refs.length === 0) delete updated.metadata.ownerReferences;
      try {
        await this.ctx.client.update({ resource: 'persistentvolumeclaims', namespace: claim.metadata.namespace ?? '', name: claim.metadata.name ?? '' }, updated);
      } catch (e) {
        throw new Error(`could not update claim ${claim.metadata.name ?? ''} for delete policy ownerRefs: ${errorText(e)}`);
      }
    }
  }
}
