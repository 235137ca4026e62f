import { describe, expect, it } from 'vitest';
import { NamespaceConditions } from './namespace';

const T0 = Date.parse('2026-03-01T12:00:00Z');

describe('namespace deletion conditions (namespaceConditionUpdater)', () => {
  it('sets the five conditions, the failing ones True with what remains, sorted', () => {
    const c = new NamespaceConditions(T0);
    c.contentTotals({ byResource: new Map([['pods.', 3], ['widgets.example.com', 1]]), byFinalizer: new Map([['example.com/hold', 1]]) });
    const { conditions, changed } = c.apply([]);
    expect(changed).toBe(true);
    expect(conditions.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 3 resource instances, widgets.example.com has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizerRemain', 'Some finalizers are remaining: example.com/hold in 1 resource instances'],
    ]);
  });

  it('gathers content deletion errors and discovery failures', () => {
    const c = new NamespaceConditions(T0);
    c.discoveryFailed('Discovery failed for some groups, 1 failing: unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: the server is currently unable to handle the request');
    c.deleteContentFailed('unexpected items still remain in namespace: ns for gvr: /v1, Resource=pods');
    c.deleteContentFailed('boom');
    const { conditions } = c.apply([]);
    expect(conditions.find((x) => x.type === 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ status: 'True', reason: 'DiscoveryFailed' });
    expect(conditions.find((x) => x.type === 'NamespaceDeletionContentFailure')).toMatchObject({
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: 'Failed to delete all resource types, 2 remaining: boom, unexpected items still remain in namespace: ns for gvr: /v1, Resource=pods',
    });
  });

  it('changes nothing when the conditions are the same, and moves lastTransitionTime only when the status flips', () => {
    const first = new NamespaceConditions(T0);
    first.contentTotals({ byResource: new Map([['pods.', 1]]), byFinalizer: new Map() });
    const { conditions } = first.apply([]);
    const same = new NamespaceConditions(T0 + 10_000);
    same.contentTotals({ byResource: new Map([['pods.', 1]]), byFinalizer: new Map() });
    expect(same.apply(conditions).changed).toBe(false);
    const done = new NamespaceConditions(T0 + 20_000).apply(conditions);
    expect(done.changed).toBe(true);
    const remaining = done.conditions.find((x) => x.type === 'NamespaceContentRemaining');
    expect(remaining).toMatchObject({ status: 'False', reason: 'ContentRemoved', lastTransitionTime: '2026-03-01T12:00:20Z' });
    expect(done.conditions.find((x) => x.type === 'NamespaceFinalizersRemaining')?.lastTransitionTime).toBe('2026-03-01T12:00:00Z');
  });
});
