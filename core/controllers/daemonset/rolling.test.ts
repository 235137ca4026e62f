import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../api/types';
import { rollingUpdateStep, scaledValue } from './rolling';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const nodes: Node[] = ['n1', 'n2', 'n3', 'n4'].map((name) => ({ metadata: { name }, spec: {} }));

function ds(rollingUpdate: { maxUnavailable?: number | string; maxSurge?: number | string }): DaemonSet {
  return {
    metadata: { name: 'd', namespace: 'default', annotations: { 'deprecated.daemonset.template.generation': '2' } },
    spec: { selector: { matchLabels: { a: 'b' } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }] } } },
  };
}

function pod(name: string, node: string, hash: string, ready: boolean): Pod {
  return {
    metadata: { name, labels: { a: 'b', 'controller-revision-hash': hash }, creationTimestamp: '2026-03-01T09:00:00Z' },
    spec: { containers: [], nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2026-03-01T09:00:01Z' }] },
  };
}

function byNode(pods: Pod[]): Map<string, Pod[]> {
  const m = new Map<string, Pod[]>();
  for (const p of pods) m.set(p.spec.nodeName ?? '', [...(m.get(p.spec.nodeName ?? '') ?? []), p]);
  return m;
}

describe('DaemonSet rolling update', () => {
  it('scales percentages as intstr does', () => {
    expect(scaledValue('25%', 3, true)).toBe(1);
    expect(scaledValue('25%', 3, false)).toBe(0);
    expect(scaledValue(2, 3, true)).toBe(2);
  });

  it('without surge deletes old pods while at most maxUnavailable nodes are unavailable', () => {
    const old = ['n1', 'n2', 'n3', 'n4'].map((n) => pod(`old-${n}`, n, 'h1', true));
    expect(rollingUpdateStep(ds({ maxUnavailable: 1 }), nodes, byNode(old), 'h2', NOW)).toEqual({ delete: ['old-n1'], create: [] });
    expect(rollingUpdateStep(ds({ maxUnavailable: '50%' }), nodes, byNode(old), 'h2', NOW)).toEqual({ delete: ['old-n1', 'old-n2'], create: [] });
    // n1 has a new pod that is not ready yet: it counts as unavailable, nothing more is deleted.
    const midway = [pod('new-n1', 'n1', 'h2', false), ...old.slice(1)];
    expect(rollingUpdateStep(ds({ maxUnavailable: 1 }), nodes, byNode(midway), 'h2', NOW)).toEqual({ delete: [], create: [] });
    // Once it is ready, the next old pod goes; an unavailable old pod is always replaced.
    const next = [pod('new-n1', 'n1', 'h2', true), pod('old-n2', 'n2', 'h1', false), ...old.slice(2)];
    expect(rollingUpdateStep(ds({ maxUnavailable: 1 }), nodes, byNode(next), 'h2', NOW)).toEqual({ delete: ['old-n2'], create: [] });
  });

  it('with maxSurge creates new pods beside the old ones and deletes an old pod once its replacement is available', () => {
    const old = ['n1', 'n2', 'n3', 'n4'].map((n) => pod(`old-${n}`, n, 'h1', true));
    expect(rollingUpdateStep(ds({ maxUnavailable: 0, maxSurge: 1 }), nodes, byNode(old), 'h2', NOW)).toEqual({ delete: [], create: ['n1'] });
    const surged = [...old, pod('new-n1', 'n1', 'h2', false)];
    expect(rollingUpdateStep(ds({ maxUnavailable: 0, maxSurge: 1 }), nodes, byNode(surged), 'h2', NOW)).toEqual({ delete: [], create: [] });
    const available = [...old, pod('new-n1', 'n1', 'h2', true)];
    expect(rollingUpdateStep(ds({ maxUnavailable: 0, maxSurge: 1 }), nodes, byNode(available), 'h2', NOW)).toEqual({ delete: ['old-n1'], create: ['n2'] });
  });
});
