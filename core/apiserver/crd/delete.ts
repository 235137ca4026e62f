/**
 * DELETE of a CustomResourceDefinition (apiextensions-apiserver's CRD REST `Delete`): the first
 * delete does not remove it but marks it — `deletionTimestamp`, the
 * `customresourcecleanup.apiextensions.k8s.io` finalizer and `Terminating` True
 * (`InstanceDeletionPending`) in one write — and answers the CRD; the finalizer controller then
 * deletes the custom resources and lets the CRD go. A CRD already being deleted takes the
 * generic path. DELETE of the collection deletes each selected CRD this way.
 */
import { rfc3339 } from '../../api/duration';
import { conflict } from '../../api/status';
import type { CustomResourceDefinition, KubeObject } from '../../api/types';
import { parseDeleteOptions } from '../delete';
import { clone } from '../patch/value';
import { Registry, apiVersionOf } from '../registry';
import { qr, selection, selects, type RestHandler, type WriteResult } from '../rest';
import { customresourcedefinitions as crdDef } from '../resources/crds';
import { CLEANUP_FINALIZER, setCondition } from './controllers';

type Query = Record<string, string>;

/** DELETE customresourcedefinitions/NAME. */
export function deleteCustomResourceDefinition(rest: RestHandler, name: string, body: Record<string, unknown> | undefined, query: Query): WriteResult {
  const opts = parseDeleteOptions(body, query);
  const old = rest.read(crdDef, undefined, name) as CustomResourceDefinition;
  if (old.metadata.deletionTimestamp) return rest.delete(crdDef, undefined, name, body, query);
  const pre = opts.preconditions;
  if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
    throw conflict(qr(crdDef), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(qr(crdDef), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`);
  }
  const crd = clone(old);
  const now = rfc3339(rest.ctx.now());
  crd.metadata.deletionTimestamp = now;
  const finalizers = crd.metadata.finalizers ?? [];
  if (!finalizers.includes(CLEANUP_FINALIZER)) crd.metadata.finalizers = [...finalizers, CLEANUP_FINALIZER];
  setCondition((crd.status ??= {}), { type: 'Terminating', status: 'True', reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon' }, now);
  const out = opts.dryRun ? rest.typed(crdDef, crd) : rest.write(crdDef, Registry.key(crdDef, undefined, name), crd, old.metadata.resourceVersion, false);
  return { code: 200, body: out, warnings: [] };
}

/** DELETE customresourcedefinitions: every selected CRD, each as a single DELETE; answers the list. */
export function deleteCustomResourceDefinitions(rest: RestHandler, body: Record<string, unknown> | undefined, query: Query): WriteResult {
  const sel = selection(crdDef, query);
  parseDeleteOptions(body, query);
  const items: KubeObject[] = [];
  for (const obj of rest.store.list(Registry.keyPrefix(crdDef)).items) {
    if (!selects(crdDef, sel, obj)) continue;
    items.push(rest.typed(crdDef, obj));
    try {
      deleteCustomResourceDefinition(rest, obj.metadata.name ?? '', body, query);
    } catch (e) {
      if (!(e instanceof Error && 'status' in e && (e as { status: { reason?: string } }).status.reason === 'NotFound')) throw e;
    }
  }
  const list = { kind: 'CustomResourceDefinitionList', apiVersion: apiVersionOf(crdDef), metadata: { resourceVersion: String(rest.store.currentRevision()) }, items };
  return { code: 200, body: list, warnings: [] };
}
