/**
 * The admission chain in kube-apiserver's plugin order: every enabled plugin's mutating phase,
 * in order, then (after the object's own validation) every validating phase, in order —
 * ResourceQuota last. NamespaceLifecycle runs in the REST layer (rest.ts, delete.ts) and
 * DefaultTolerationSeconds in the pod defaults; the plugins here are the others kubeadm enables.
 */
import { defaultStorageClassAdmission } from './defaultstorageclass';
import { limitRanger } from './limitranger';
import { priorityAdmission } from './priority';
import { resourceQuotaAdmission } from './resourcequota';
import { serviceAccountAdmission } from './serviceaccount';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';

/** The admission plugins KubeLab implements, in kube-apiserver's order. */
export const ADMISSION_PLUGINS: readonly AdmissionPlugin[] = [limitRanger, serviceAccountAdmission, priorityAdmission, defaultStorageClassAdmission, resourceQuotaAdmission];

/** A plugin's name. */
export type AdmissionPluginName = 'LimitRanger' | 'ServiceAccount' | 'Priority' | 'DefaultStorageClass' | 'ResourceQuota';

/** Every plugin: what a cluster's API server runs (its controllers create the service accounts pods need). */
export const CLUSTER_ADMISSION: AdmissionPluginName[] = ['LimitRanger', 'ServiceAccount', 'Priority', 'DefaultStorageClass', 'ResourceQuota'];

/**
 * The default of an API server on its own: every plugin but ServiceAccount, which refuses pods
 * until a service account controller has created the `default` accounts.
 */
export const STANDALONE_ADMISSION: AdmissionPluginName[] = ['LimitRanger', 'Priority', 'DefaultStorageClass', 'ResourceQuota'];

/** The enabled plugins, run in order. */
export class AdmissionChain {
  private readonly plugins: AdmissionPlugin[];

  constructor(
    enabled: readonly string[],
    private readonly ctx: AdmissionContext,
  ) {
    this.plugins = ADMISSION_PLUGINS.filter((p) => enabled.includes(p.name));
  }

  /** The enabled plugins' names, in order. */
  names(): string[] {
    return this.plugins.map((p) => p.name);
  }

  /** The mutating phase. */
  admit(a: AdmissionAttributes): void {
    for (const p of this.plugins) p.admit?.(a, this.ctx);
  }

  /** The validating phase. */
  validate(a: AdmissionAttributes): void {
    for (const p of this.plugins) p.validate?.(a, this.ctx);
  }
}
