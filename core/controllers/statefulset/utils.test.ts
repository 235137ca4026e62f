import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../api/types';
import { claimName, identityMatches, inOrdinalRange, newStatefulSetPod, newVersionedPod, ordinalOf, parentAndOrdinal, podClaims, storageMatches } from './utils';

function set(partition?: number, start?: number): StatefulSet {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'u-1' },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      ...(start !== undefined ? { ordinals: { start } } : {}),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: partition ?? 0 } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }], volumes: [{ name: 'config', configMap: { name: 'c' } }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'] } }],
    },
  };
}

describe('StatefulSet identity and storage', () => {
  it('reads the set and ordinal from a pod name', () => {
    expect(parentAndOrdinal({ metadata: { name: 'web-12' } })).toEqual({ parent: 'web', ordinal: 12 });
    expect(parentAndOrdinal({ metadata: { name: 'my-web-0' } })).toEqual({ parent: 'my-web', ordinal: 0 });
    expect(ordinalOf({ metadata: { name: 'web' } })).toBe(-1);
    expect(inOrdinalRange({ metadata: { name: 'web-3' } }, set())).toBe(false);
    expect(inOrdinalRange({ metadata: { name: 'web-3' } }, set(0, 1))).toBe(true);
  });

  it('makes a pod with its name, identity labels, hostname, subdomain and a volume per claim', () => {
    const s = set();
    const pod = newStatefulSetPod(s, 1);
    expect(pod.metadata.name).toBe('web-1');
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pod.spec['hostname']).toBe('web-1');
    expect(pod.spec['subdomain']).toBe('nginx');
    expect(pod.spec['volumes']).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }, { name: 'config', configMap: { name: 'c' } }]);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', uid: 'u-1', controller: true });
    expect(identityMatches(s, pod)).toBe(true);
    expect(storageMatches(s, pod)).toBe(true);
    const claim = podClaims(s, pod).get('www');
    expect(claim?.metadata).toEqual({ name: 'www-web-1', namespace: 'default', labels: { tier: 'data', app: 'nginx' } });
    expect(claimName(s, { metadata: { name: 'data' } }, 7)).toBe('data-web-7');
  });

  it('creates pods below the partition at the current revision and the others at the update revision', () => {
    const current = set(2);
    const update = set(2);
    update.spec.template.spec.containers[0] = { name: 'nginx', image: 'nginx:1.26' };
    const p1 = newVersionedPod(current, update, 'web-old', 'web-new', 1);
    const p2 = newVersionedPod(current, update, 'web-old', 'web-new', 2);
    expect([p1.metadata.labels?.['controller-revision-hash'], p1.spec.containers[0]?.image]).toEqual(['web-old', 'nginx:1.25']);
    expect([p2.metadata.labels?.['controller-revision-hash'], p2.spec.containers[0]?.image]).toEqual(['web-new', 'nginx:1.26']);
  });
});
