import { describe, expect, it } from 'vitest';
import { mountStatuses } from './kubelet';

describe('the volume mounts a kubelet reports for a running container', () => {
  it('lists each mount; a read-only one is not recursively read-only on containerd 1.7', () => {
    const c = { name: 'c', volumeMounts: [{ name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }, { name: 'data', mountPath: '/data' }, { name: 'ro', mountPath: '/ro', readOnly: true, recursiveReadOnly: 'IfPossible' }] };
    expect(mountStatuses(c)).toEqual({
      volumeMounts: [
        { name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled' },
        { name: 'data', mountPath: '/data' },
        { name: 'ro', mountPath: '/ro', readOnly: true, recursiveReadOnly: 'Disabled' },
      ],
    });
    expect(mountStatuses({ name: 'c' })).toEqual({});
  });
});
