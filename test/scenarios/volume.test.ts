import { describe, expect, it } from 'vitest';
import type { CoreEvent, PersistentVolume, PersistentVolumeClaim, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const pvRef = (name?: string) => ({ resource: 'persistentvolumes', ...(name ? { name } : {}) });

function pv(name: string, size: string, policy: string, extra: Record<string, unknown> = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: policy, storageClassName: 'manual', hostPath: { path: `/mnt/${name}` }, ...extra },
  };
}

function pvc(name: string, size: string, storageClassName?: string): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
  };
}

async function claimEvents(s: Scenario, name: string): Promise<CoreEvent[]> {
  return (await s.client.list<CoreEvent>(ref('events', 'default'))).items.filter((e) => e.involvedObject.name === name);
}

const phaseOf = async (s: Scenario, name: string) => (await s.client.get<PersistentVolumeClaim>(ref('persistentvolumeclaims', 'default', name))).status?.phase;

describe('persistent volumes', () => {
  it('binds a 500Mi claim to a 1Gi Retain volume; deleting the claim leaves the volume Released', async () => {
    const s = await scenario({ seed: 21, workers: 1 });
    await s.client.create(pvRef(), pv('pv-data', '1Gi', 'Retain'));
    await s.client.create(pvRef(), pv('pv-big', '5Gi', 'Retain'));
    await s.advance(1000);
    expect((await s.kubectl('kubectl get pv pv-data')).out).toMatch(/^pv-data\s+1Gi\s+RWO\s+Retain\s+Available\s+manual\s+<unset>\s+\S+$/m);
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('claim-data', '500Mi', 'manual'));
    await s.until(async () => ((await phaseOf(s, 'claim-data')) === 'Bound' ? true : undefined), 10_000);
    await s.advance(500);
    const pvs = (await s.kubectl('kubectl get pv')).out;
    // The smallest volume that fits is chosen.
    expect(pvs).toMatch(/^NAME\s+CAPACITY\s+ACCESS MODES\s+RECLAIM POLICY\s+STATUS\s+CLAIM\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+REASON\s+AGE$/m);
    expect(pvs).toMatch(/^pv-data\s+1Gi\s+RWO\s+Retain\s+Bound\s+default\/claim-data\s+manual\s+<unset>\s+\S+$/m);
    expect(pvs).toMatch(/^pv-big\s+5Gi\s+RWO\s+Retain\s+Available\s+manual\s+<unset>\s+\S+$/m);
    const pvcs = (await s.kubectl('kubectl get pvc')).out;
    expect(pvcs).toMatch(/^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$/m);
    expect(pvcs).toMatch(/^claim-data\s+Bound\s+pv-data\s+1Gi\s+RWO\s+manual\s+<unset>\s+\S+$/m);
    const claim = await s.client.get<PersistentVolumeClaim>(ref('persistentvolumeclaims', 'default', 'claim-data'));
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const volume = await s.client.get<PersistentVolume>(pvRef('pv-data'));
    expect(volume.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(volume.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(volume.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'claim-data', uid: claim.metadata.uid, apiVersion: 'v1' });

    await s.client.delete(ref('persistentvolumeclaims', 'default', 'claim-data'));
    await s.advance(2000);
    expect((await s.kubectl('kubectl get pvc')).err).toBe('No resources found in default namespace.\n');
    expect((await s.kubectl('kubectl get pv pv-data')).out).toMatch(/^pv-data\s+1Gi\s+RWO\s+Retain\s+Released\s+default\/claim-data\s+manual\s+<unset>\s+\S+$/m);
    // Retained: a new claim does not get it (its claimRef still names the old claim).
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('claim-data', '500Mi', 'manual'));
    await s.advance(2000);
    expect((await s.kubectl('kubectl get pvc claim-data')).out).toMatch(/^claim-data\s+Bound\s+pv-big\s+5Gi\s+/m);
    s.stop();
  });

  it('leaves a claim without volume and class Pending with FailedBinding', async () => {
    const s = await scenario({ seed: 22, workers: 1 });
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('orphan', '1Gi', ''));
    await s.advance(2000);
    expect((await s.kubectl('kubectl get pvc orphan')).out).toMatch(/^orphan\s+Pending\s+<unset>\s+\S+$/m);
    const ev = (await claimEvents(s, 'orphan')).find((e) => e.reason === 'FailedBinding');
    expect(ev).toMatchObject({ type: 'Normal', message: 'no persistent volumes available for this claim and no storage class is set', source: { component: 'persistentvolume-controller' } });
    s.stop();
  });

  it('provisions a standard volume on the node of the claim\'s first pod; the claim stays Terminating while in use; Delete removes the volume', async () => {
    const s = await scenario({ seed: 23 });
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('data', '2Gi'));
    await s.advance(2000);
    // The default class (kind's standard) waits for a consumer.
    expect((await s.kubectl('kubectl get pvc data')).out).toMatch(/^data\s+Pending\s+standard\s+<unset>\s+\S+$/m);
    expect((await claimEvents(s, 'data')).find((e) => e.reason === 'WaitForFirstConsumer')?.message).toBe('waiting for first consumer to be created before binding');

    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'app' },
      spec: { containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } as Pod['spec'],
    };
    await s.client.create(ref('pods', 'default'), pod);
    await s.until(async () => ((await phaseOf(s, 'data')) === 'Bound' ? true : undefined), 60_000);
    const node = (await s.client.get<Pod>(ref('pods', 'default', 'app'))).spec.nodeName ?? '';
    expect(node).toMatch(/^kubelab-worker2?$/);
    const claim = await s.client.get<PersistentVolumeClaim>(ref('persistentvolumeclaims', 'default', 'data'));
    const name = `pvc-${claim.metadata.uid ?? ''}`;
    expect(claim.spec.volumeName).toBe(name);
    expect(claim.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': node,
    });
    const volume = await s.client.get<PersistentVolume>(pvRef(name));
    expect(volume.metadata.annotations).toEqual({ 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(volume.spec).toMatchObject({
      hostPath: { path: `/var/local-path-provisioner/${name}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
    });
    expect((await s.kubectl(`kubectl get pv ${name}`)).out).toMatch(new RegExp(`^${name}\\s+2Gi\\s+RWO\\s+Delete\\s+Bound\\s+default/data\\s+standard\\s+<unset>\\s+\\S+$`, 'm'));
    expect((await s.kubectl('kubectl get pvc data')).out).toMatch(new RegExp(`^data\\s+Bound\\s+${name}\\s+2Gi\\s+RWO\\s+standard\\s+<unset>\\s+\\S+$`, 'm'));
    const reasons = (await claimEvents(s, 'data')).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']));
    const external = (await claimEvents(s, 'data')).find((e) => e.reason === 'ExternalProvisioning');
    expect(external?.message).toBe("Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.");
    expect((await claimEvents(s, 'data')).find((e) => e.reason === 'ProvisioningSucceeded')?.message).toBe(`Successfully provisioned volume ${name}`);

    // In use: the claim stays Terminating until its pod is gone.
    await s.client.delete(ref('persistentvolumeclaims', 'default', 'data'));
    await s.advance(30_000, 1000);
    expect((await s.kubectl('kubectl get pvc data')).out).toMatch(/^data\s+Terminating\s+/m);
    expect((await s.kubectl(`kubectl get pv ${name}`)).out).toMatch(/\s+Bound\s+default\/data\s+/);
    await s.client.delete(ref('pods', 'default', 'app'));
    await s.until(async () => ((await s.kubectl('kubectl get pv')).err === 'No resources found\n' ? true : undefined), 60_000);
    expect((await s.kubectl('kubectl get pvc')).err).toBe('No resources found in default namespace.\n');
    s.stop();
  });

  it('recycles a Recycle volume (deprecated) back to Available; a hostPath volume outside /tmp cannot be deleted', async () => {
    const s = await scenario({ seed: 24, workers: 1 });
    await s.client.create(pvRef(), pv('pv-recycle', '1Gi', 'Recycle'));
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('one', '1Gi', 'manual'));
    await s.until(async () => ((await phaseOf(s, 'one')) === 'Bound' ? true : undefined), 10_000);
    await s.client.delete(ref('persistentvolumeclaims', 'default', 'one'));
    await s.advance(3000);
    expect((await s.kubectl('kubectl get pv pv-recycle')).out).toMatch(/^pv-recycle\s+1Gi\s+RWO\s+Recycle\s+Available\s+manual\s+<unset>\s+\S+$/m);
    const recycled = (await s.client.list<CoreEvent>(ref('events', 'default'))).items.concat((await s.client.list<CoreEvent>({ resource: 'events' })).items).find((e) => e.reason === 'VolumeRecycled');
    expect(recycled?.message).toBe('Volume recycled');
    expect((await s.client.get<PersistentVolume>(pvRef('pv-recycle'))).spec.claimRef).toBeUndefined();

    await s.client.create(pvRef(), pv('pv-delete', '3Gi', 'Delete'));
    await s.client.create(ref('persistentvolumeclaims', 'default'), pvc('two', '3Gi', 'manual'));
    await s.until(async () => ((await phaseOf(s, 'two')) === 'Bound' ? true : undefined), 10_000);
    await s.client.delete(ref('persistentvolumeclaims', 'default', 'two'));
    await s.advance(3000);
    expect((await s.kubectl('kubectl get pv pv-delete')).out).toMatch(/^pv-delete\s+3Gi\s+RWO\s+Delete\s+Failed\s+default\/two\s+manual\s+<unset>\s+\S+$/m);
    const failed = (await s.client.list<CoreEvent>({ resource: 'events' })).items.find((e) => e.reason === 'VolumeFailedDelete');
    expect(failed).toMatchObject({ type: 'Warning', message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/pv-delete' });
    s.stop();
  });
});
