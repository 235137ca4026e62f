import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { checkVolumeSatisfyClaim } from './claims';
import { findBestMatchForClaim } from './match';

function pv(name: string, size: string, modes: string[], extra: Partial<PersistentVolume['spec']> = {}, labels?: Record<string, string>): PersistentVolume {
  return { metadata: { name, ...(labels ? { labels } : {}) }, spec: { capacity: { storage: size }, accessModes: modes, storageClassName: 'manual', hostPath: { path: '/x' }, ...extra }, status: { phase: 'Available' } };
}

function pvc(size: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return { metadata: { name: 'c', namespace: 'default', uid: 'u1' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: 'manual', ...extra } };
}

describe('findBestMatchForClaim', () => {
  it('takes the smallest fitting Available volume of the class, fewest access modes first', () => {
    const vols = [pv('big', '10Gi', ['ReadWriteOnce']), pv('small', '1Gi', ['ReadWriteOnce']), pv('tiny', '100Mi', ['ReadWriteOnce']), pv('rwx', '600Mi', ['ReadWriteOnce', 'ReadWriteMany'])];
    expect(findBestMatchForClaim(pvc('500Mi'), vols, false)?.metadata.name).toBe('small');
    expect(findBestMatchForClaim(pvc('500Mi', { accessModes: ['ReadWriteMany'] }), vols, false)?.metadata.name).toBe('rwx');
    expect(findBestMatchForClaim(pvc('20Gi'), vols, false)).toBeUndefined();
    expect(findBestMatchForClaim(pvc('500Mi', { storageClassName: 'other' }), vols, false)).toBeUndefined();
  });

  it('honours the selector, the phase, pre-binding and WaitForFirstConsumer', () => {
    const vols = [pv('a', '1Gi', ['ReadWriteOnce'], {}, { tier: 'gold' }), pv('b', '2Gi', ['ReadWriteOnce'], {}, { tier: 'silver' })];
    expect(findBestMatchForClaim(pvc('500Mi', { selector: { matchLabels: { tier: 'silver' } } }), vols, false)?.metadata.name).toBe('b');
    const released = { ...pv('r', '1Gi', ['ReadWriteOnce']), status: { phase: 'Released' } };
    expect(findBestMatchForClaim(pvc('500Mi'), [released], false)).toBeUndefined();
    const prebound = pv('p', '5Gi', ['ReadWriteOnce'], { claimRef: { name: 'c', namespace: 'default' } });
    expect(findBestMatchForClaim(pvc('500Mi'), [...vols, prebound], false)?.metadata.name).toBe('p');
    expect(findBestMatchForClaim(pvc('500Mi'), vols, true)).toBeUndefined();
    expect(findBestMatchForClaim(pvc('500Mi'), [...vols, prebound], true)?.metadata.name).toBe('p');
  });

  it('explains why a requested volume does not fit', () => {
    expect(checkVolumeSatisfyClaim(pv('a', '1Gi', ['ReadWriteOnce']), pvc('2Gi'))).toBe('requested PV is too small');
    expect(checkVolumeSatisfyClaim(pv('a', '1Gi', ['ReadOnlyMany']), pvc('1Gi'))).toBe('incompatible accessMode');
    expect(checkVolumeSatisfyClaim(pv('a', '1Gi', ['ReadWriteOnce'], { storageClassName: '' }), pvc('1Gi'))).toBe('storageClassName does not match');
    expect(checkVolumeSatisfyClaim(pv('a', '1Gi', ['ReadWriteOnce']), pvc('1Gi'))).toBeUndefined();
  });
});
