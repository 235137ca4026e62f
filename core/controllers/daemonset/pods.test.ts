import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../api/types';
import { daemonPodTemplate, pinToNode, podsShouldBeOnNode, targetNodeName } from './pods';
import { daemonSetCounts } from './status';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const ds: DaemonSet = {
  metadata: { name: 'agent', namespace: 'kube-system', annotations: { 'deprecated.daemonset.template.generation': '3' } },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a' }], nodeSelector: { role: 'edge' } } } },
};
const edge: Node = { metadata: { name: 'edge-1', labels: { role: 'edge' } }, spec: {} };
const core: Node = { metadata: { name: 'core-1', labels: { role: 'core' } }, spec: {} };

function pod(name: string, node: string, phase: NonNullable<Pod['status']>['phase'], created: string, hash = 'h'): Pod {
  return { metadata: { name, creationTimestamp: created, labels: { app: 'agent', 'controller-revision-hash': hash } }, spec: { containers: [], nodeName: node }, status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] } };
}

describe('daemon pods of a node', () => {
  it('makes the pod template with the hash and generation labels, pinned to its node by node affinity', () => {
    const t = pinToNode(daemonPodTemplate(ds, 'h'), 'edge-1');
    expect(t.metadata?.labels).toEqual({ app: 'agent', 'controller-revision-hash': 'h', 'pod-template-generation': '3' });
    const p: Pod = { metadata: {}, spec: t.spec };
    expect(targetNodeName(p)).toBe('edge-1');
    expect(targetNodeName({ ...p, spec: { ...p.spec, nodeName: 'other' } })).toBe('other');
    expect(ds.spec.template.metadata?.labels).toEqual({ app: 'agent' });
  });

  it('creates a missing pod, deletes failed and extra pods (keeping the oldest), and clears nodes it should not run on', () => {
    expect(podsShouldBeOnNode(edge, ds, undefined, 'h', false, NOW)).toEqual({ create: true, delete: [], events: [] });
    const failed = podsShouldBeOnNode(edge, ds, [pod('a-1', 'edge-1', 'Failed', '2026-03-01T09:00:00Z')], 'h', false, NOW);
    expect(failed.delete).toEqual(['a-1']);
    expect(failed.create).toBe(true);
    expect(failed.events).toEqual([{ type: 'Warning', reason: 'FailedDaemonPod', message: 'Found failed daemon pod kube-system/a-1 on node edge-1, will try to kill it' }]);
    const two = podsShouldBeOnNode(edge, ds, [pod('new', 'edge-1', 'Running', '2026-03-01T09:30:00Z'), pod('old', 'edge-1', 'Running', '2026-03-01T09:00:00Z')], 'h', false, NOW);
    expect(two).toEqual({ create: false, delete: ['new'], events: [] });
    expect(podsShouldBeOnNode(core, ds, [pod('x', 'core-1', 'Running', '2026-03-01T09:00:00Z')], 'h', false, NOW).delete).toEqual(['x']);
  });

  it('counts desired, current, ready, up-to-date and misscheduled nodes', () => {
    const byNode = new Map([
      ['edge-1', [pod('a', 'edge-1', 'Running', '2026-03-01T09:00:00Z', 'old')]],
      ['core-1', [pod('b', 'core-1', 'Running', '2026-03-01T09:00:00Z')]],
    ]);
    const edge2: Node = { metadata: { name: 'edge-2', labels: { role: 'edge' } }, spec: {} };
    expect(daemonSetCounts(ds, [edge, edge2, core], byNode, 'h', NOW)).toEqual({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
      numberReady: 1,
      updatedNumberScheduled: 0,
      numberAvailable: 1,
      numberUnavailable: 1,
    });
  });
});
