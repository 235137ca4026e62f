import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Taint } from '../../api/types';
import { addDaemonTolerations, nodeShouldRunDaemonPod, requiredNodeAffinityMatches, toleratesTaint } from './eligibility';

function node(name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node {
  return { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } };
}

function ds(spec: Partial<DaemonSet['spec']['template']['spec']> = {}): DaemonSet {
  return { metadata: { name: 'd', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }], ...spec } } } };
}

const CONTROL_PLANE: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('DaemonSet node eligibility', () => {
  it('adds the standard daemon tolerations once, plus network-unavailable for host-network pods', () => {
    const spec = { containers: [], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const }] };
    addDaemonTolerations(spec);
    expect(spec.tolerations.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const host = { containers: [], hostNetwork: true };
    addDaemonTolerations(host);
    expect((host as { tolerations?: { key?: string }[] }).tolerations?.map((t) => t.key)).toContain('node.kubernetes.io/network-unavailable');
  });

  it('tolerates as v1.Toleration.ToleratesTaint does', () => {
    const taint: Taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'v' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'w' }, taint)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
  });

  it('matches nodeSelector and required node affinity terms (labels and metadata.name)', () => {
    const n = node('w1', { disk: 'ssd', cores: '8' });
    expect(requiredNodeAffinityMatches({ containers: [], nodeSelector: { disk: 'ssd' } }, n)).toBe(true);
    expect(requiredNodeAffinityMatches({ containers: [], nodeSelector: { disk: 'hdd' } }, n)).toBe(false);
    const affinity = (terms: unknown[]) => ({ containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
    expect(requiredNodeAffinityMatches(affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1'] }] }]), n)).toBe(true);
    expect(requiredNodeAffinityMatches(affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w2'] }] }]), n)).toBe(false);
    expect(requiredNodeAffinityMatches(affinity([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }]), n)).toBe(true);
    expect(requiredNodeAffinityMatches(affinity([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, { matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['hdd'] }] }]), n)).toBe(true);
    expect(requiredNodeAffinityMatches(affinity([{}]), n)).toBe(false);
  });

  it('keeps daemon pods off tainted nodes unless tolerated, and keeps running ones unless a NoExecute taint is not tolerated', () => {
    expect(nodeShouldRunDaemonPod(node('cp', {}, [CONTROL_PLANE]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('cp', {}, [CONTROL_PLANE]), ds({ tolerations: [{ key: CONTROL_PLANE.key, operator: 'Exists', effect: 'NoSchedule' }] }))).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('w', {}, [{ key: 'x', effect: 'NoExecute' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    // The standard tolerations cover the node-condition taints.
    expect(nodeShouldRunDaemonPod(node('w', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), ds()).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('w', { disk: 'hdd' }), ds({ nodeSelector: { disk: 'ssd' } }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node('w2'), ds({ nodeName: 'w1' })).shouldRun).toBe(false);
  });
});
