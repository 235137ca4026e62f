import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import { StatusError } from '../../api/status';
import type { ConfigMap, CoreEvent, EventsV1Event, KubeObject, Secret } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { configmaps, secrets, serviceaccounts } from './config';
import { coreEventToV1, events, eventsV1, v1EventToCore } from './events';
import { causeLines, simulateCreate, simulateUpdate } from './harness';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(13) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const at = (minutesAgo: number) => rfc3339(NOW - minutesAgo * 60_000);

describe('configmaps', () => {
  it('prints NAME DATA AGE, counting data and binaryData', () => {
    expect(columns(configmaps)).toEqual(['Name', 'Data', 'Age']);
    const cm = created<ConfigMap>(configmaps, { metadata: { name: 'cfg', creationTimestamp: at(2) }, data: { a: '1', b: '2' }, binaryData: { c: 'AAE=' } }).obj;
    cm.metadata.creationTimestamp = at(2);
    expect(configmaps.printer.cells(cm, NOW)).toEqual(['cfg', 3, '2m']);
  });

  it('validates keys and immutability', () => {
    expect(causeLines(created(configmaps, { metadata: { name: 'cfg' }, data: { 'a b': 'x' } }).causes)).toEqual([
      "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    const old = created<ConfigMap>(configmaps, { metadata: { name: 'cfg' }, data: { a: '1' }, immutable: true }).obj;
    expect(causeLines(simulateUpdate(configmaps, { ...old, data: { a: '2' } }, old, ctx()).causes)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('refuses binaryData that is not base64 with a 400', () => {
    expect(() => created(configmaps, { metadata: { name: 'cfg' }, binaryData: { b: '!!!!' } })).toThrowError(StatusError);
  });
});

describe('secrets', () => {
  it('prints NAME TYPE DATA AGE', () => {
    expect(columns(secrets)).toEqual(['Name', 'Type', 'Data', 'Age']);
    const s = created<Secret>(secrets, { metadata: { name: 's' }, data: { a: 'YQ==' } }).obj;
    s.metadata.creationTimestamp = at(1);
    expect(secrets.printer.cells(s, NOW)).toEqual(['s', 'Opaque', 1, '60s']);
  });

  it('defaults the type to Opaque and merges stringData into data', () => {
    const s = created<Secret>(secrets, { metadata: { name: 's' }, data: { a: 'YQ==' }, stringData: { password: 'hunter2' } }).obj;
    expect([s.type, s.data, s.stringData]).toEqual(['Opaque', { a: 'YQ==', password: 'aHVudGVyMg==' }, undefined]);
    expect(secrets.selectableFields?.(s)).toEqual({ type: 'Opaque' });
  });

  it('answers illegal base64 the way the decoder does', () => {
    try {
      created(secrets, { metadata: { name: 's' }, data: { a: 'abc$' } });
      throw new Error('no error');
    } catch (e) {
      expect((e as StatusError).status).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3' });
    }
  });

  it('requires the keys of typed secrets, and keeps the type', () => {
    expect(causeLines(created(secrets, { metadata: { name: 'tls' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==' } }).causes)).toEqual(['data[tls.key]: Required value']);
    const old = created<Secret>(secrets, { metadata: { name: 's' } }).obj;
    expect(causeLines(simulateUpdate(secrets, { ...old, type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } }, old, ctx()).causes)).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });
});

describe('serviceaccounts', () => {
  it('prints NAME SECRETS AGE', () => {
    expect(columns(serviceaccounts)).toEqual(['Name', 'Secrets', 'Age']);
    expect(serviceaccounts.printer.cells({ metadata: { name: 'default', creationTimestamp: at(5) } }, NOW)).toEqual(['default', 0, '5m']);
  });

  it('validates the name', () => {
    expect(causeLines(created(serviceaccounts, { metadata: { name: 'Bad' } }).causes)[0]).toMatch(/^metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/);
  });
});

describe('events', () => {
  const event: CoreEvent = {
    metadata: { name: 'web-abc.17f', namespace: 'default', creationTimestamp: at(5) },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-abc', fieldPath: 'spec.containers{nginx}' },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx:1.27" ',
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: at(5),
    lastTimestamp: at(2),
    count: 3,
    type: 'Normal',
  };

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME', () => {
    expect(columns(events)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*']);
    expect(events.printer.cells(event, NOW)).toEqual(['2m', 'Normal', 'Pulled', 'pod/web-abc', 'spec.containers{nginx}', 'kubelet, worker-1', 'Successfully pulled image "nginx:1.27"', '5m', 3, 'web-abc.17f']);
  });

  it('prints events.k8s.io events the same way', () => {
    expect(columns(eventsV1)).toEqual(columns(events));
    const v1: EventsV1Event = { metadata: { name: 'e', namespace: 'default' }, eventTime: at(4), reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-cp', action: 'Binding', reason: 'Scheduled', regarding: { kind: 'Pod', namespace: 'default', name: 'web' }, note: 'Successfully assigned default/web to w1', type: 'Normal' };
    expect(eventsV1.printer.cells(v1, NOW)).toEqual(['4m', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler, default-scheduler-cp', 'Successfully assigned default/web to w1', '4m', 1, 'e']);
  });

  it('converts between the two shapes', () => {
    const v1 = coreEventToV1(event);
    expect(v1).toMatchObject({ regarding: event.involvedObject, note: event.message, deprecatedCount: 3, deprecatedSource: event.source });
    expect(v1EventToCore(v1)).toMatchObject({ involvedObject: event.involvedObject, message: event.message, count: 3, lastTimestamp: event.lastTimestamp });
  });

  it('serializes the Go zero values and selects on involvedObject fields', () => {
    const e = created<CoreEvent>(events, { metadata: { name: 'e' }, involvedObject: { kind: 'Pod', namespace: 'default', name: 'p' }, reason: 'R' }).obj;
    expect(e).toMatchObject({ firstTimestamp: null, lastTimestamp: null, eventTime: null, source: {}, reportingComponent: '', reportingInstance: '' });
    expect(events.selectableFields?.(e)).toMatchObject({ 'involvedObject.name': 'p', 'involvedObject.kind': 'Pod', reason: 'R' });
  });

  it('requires the involved object in the event namespace', () => {
    expect(causeLines(created(events, { metadata: { name: 'e' }, involvedObject: { kind: 'Pod', namespace: 'other', name: 'p' } }).causes)).toEqual(['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
  });

  it('applies the strict rules to events.k8s.io/v1', () => {
    expect(causeLines(created(eventsV1, { metadata: { name: 'e' }, regarding: { kind: 'Pod', namespace: 'default', name: 'p' }, type: 'Normal' }).causes)).toEqual(['eventTime: Required value']);
  });
});
