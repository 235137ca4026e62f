/**
 * The encoder against the decoder: rich objects of every special Go type (inline structs,
 * Time/MicroTime, Quantity, IntOrString, bytes, raw JSON, the JSONSchemaProps unions, negative
 * and 64-bit integers, doubles) survive a trip through protobuf unchanged.
 */
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../schema/index';
import type { Json } from './fields';
import { decodeProtobufObject, encodeProtobufObject, PROTOBUF_MAGIC } from './envelope';
import { base64Encode } from './text';

const T0 = '2026-01-01T00:00:00Z';
const roundTrip = (o: Json) => decodeProtobufObject(encodeProtobufObject(o, apiSchemas()), apiSchemas());
const hex = (u: Uint8Array) => [...u].map((b) => b.toString(16).padStart(2, '0')).join(' ');

const POD: Json = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '42',
    creationTimestamp: T0,
    labels: { app: 'web', tier: 'front' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-2', controller: true, blockOwnerDeletion: true }],
    finalizers: ['example.com/x'],
    managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } } }],
  },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        args: ['-g', 'daemon off;'],
        env: [
          { name: 'A', value: '1' },
          { name: 'P', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: false } } },
          { name: 'F', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'R', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
        ],
        envFrom: [{ configMapRef: { name: 'cfg' } }],
        ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 3, periodSeconds: 10 },
        readinessProbe: { exec: { command: ['true'] }, failureThreshold: 1 },
        startupProbe: { tcpSocket: { port: 8080 } },
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        securityContext: { runAsUser: 0, runAsNonRoot: false, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
      },
    ],
    ephemeralContainers: [{ name: 'debug', image: 'busybox', targetContainerName: 'c', stdin: true }],
    volumes: [
      { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420, items: [{ key: 'a', path: 'a.txt' }] } },
      { name: 'pvc', persistentVolumeClaim: { claimName: 'claim' } },
      { name: 'proj', projected: { sources: [{ secret: { name: 's' } }, { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
    ],
    securityContext: { supplementalGroups: [1000, 2000], fsGroup: 2000 },
    tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 300 }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } },
    terminationGracePeriodSeconds: 30,
    activeDeadlineSeconds: 2 ** 40,
    restartPolicy: 'Always',
    nodeName: 'n1',
    priority: -5,
    enableServiceLinks: true,
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:05Z' }],
    podIP: '10.0.0.1',
    startTime: T0,
    containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'nginx', imageID: '', started: true, state: { running: { startedAt: T0 } } }],
  },
};

const CRD: Json = {
  kind: 'CustomResourceDefinition',
  apiVersion: 'apiextensions.k8s.io/v1',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'] },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
        additionalPrinterColumns: [{ name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas', priority: 1 }],
        schema: {
          openAPIV3Schema: {
            type: 'object',
            required: ['spec'],
            properties: {
              spec: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  replicas: { type: 'integer', minimum: 1.5, maximum: 10, default: 3 },
                  tags: { type: 'array', items: { type: 'string' } },
                  pairs: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
                  mode: { type: 'string', enum: ['a', 'b', 1, null], example: { any: ['json'] } },
                  port: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
                  extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
                'x-kubernetes-validations': [{ rule: 'self.replicas > 0', message: 'at least one' }],
              },
              status: { type: 'object', additionalProperties: { type: 'string' }, dependencies: { a: ['b', 'c'], d: { required: ['e'] } } },
            },
          },
        },
      },
    ],
  },
};

describe('round trips', () => {
  it('a Pod: inline ProbeHandler, VolumeSource, EphemeralContainerCommon and LocalObjectReference, times, quantities, int-or-strings, FieldsV1, negative and 64-bit integers', () => {
    expect(roundTrip(POD)).toEqual(POD);
  });

  it('a CustomResourceDefinition: JSONSchemaProps with $-free x- names, doubles, JSON defaults and enums, the OrBool/OrArray/OrStringArray unions', () => {
    expect(roundTrip(CRD)).toEqual(CRD);
  });

  it('a Lease and an Event: MicroTime keeps microseconds', () => {
    const lease = { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', metadata: { name: 'n1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:01.123456Z' } };
    expect(roundTrip(lease)).toEqual(lease);
    const event = { kind: 'Event', apiVersion: 'events.k8s.io/v1', metadata: { name: 'e', namespace: 'default' }, eventTime: '2026-01-01T00:00:02.000010Z', reason: 'Scheduled', note: 'ok', type: 'Normal', action: 'Binding', regarding: { kind: 'Pod', name: 'web' } };
    expect(roundTrip(event)).toEqual(event);
  });

  it('a Secret with binary data, a PersistentVolume (inline PersistentVolumeSource), a ControllerRevision (RawExtension)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const secret = { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' }, data: { bin: base64Encode(all), empty: '' }, stringData: { plain: 'text' }, type: 'Opaque', immutable: false };
    expect(roundTrip(secret)).toEqual(secret);
    const pv = { kind: 'PersistentVolume', apiVersion: 'v1', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data', type: 'DirectoryOrCreate' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'standard' }, status: { phase: 'Available' } };
    expect(roundTrip(pv)).toEqual(pv);
    const rev = { kind: 'ControllerRevision', apiVersion: 'apps/v1', metadata: { name: 'r' }, data: { spec: { template: { metadata: { labels: { a: 'b' } } } } }, revision: 2 };
    expect(roundTrip(rev)).toEqual(rev);
  });

  it('lists, Status errors and an Eviction', () => {
    const list = { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '7', continue: 'abc', remainingItemCount: 3 }, items: [{ metadata: { name: 'a' }, data: { k: 'v' } }, { metadata: { name: 'b' } }] };
    expect(roundTrip(list)).toEqual(list);
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "web" not found', reason: 'NotFound', details: { name: 'web', kind: 'pods', causes: [{ reason: 'FieldValueInvalid', message: 'm', field: 'spec' }] }, code: 404 };
    expect(roundTrip(status)).toEqual(status);
    const eviction = { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'web', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: 'u-1' }, dryRun: ['All'] } };
    expect(roundTrip(eviction)).toEqual(eviction);
  });
});

describe('the bytes', () => {
  it('are the magic and a runtime.Unknown with every field, as Go writes it', () => {
    const bytes = encodeProtobufObject({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'a' } }, apiSchemas());
    expect([...bytes.subarray(0, 4)]).toEqual([...PROTOBUF_MAGIC]);
    // Unknown{typeMeta{"v1","Namespace"}, raw: Namespace{metadata{name "a"}}, contentEncoding "", contentType ""}
    expect(hex(bytes.subarray(4))).toBe('0a 0f 0a 02 76 31 12 09 4e 61 6d 65 73 70 61 63 65 12 05 0a 03 0a 01 61 1a 00 22 00');
  });

  it('write maps sorted by key and fields in number order', () => {
    const a = encodeProtobufObject({ kind: 'ConfigMap', apiVersion: 'v1', data: { b: '2', a: '1' }, metadata: { name: 'x' } }, apiSchemas());
    const b = encodeProtobufObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: { a: '1', b: '2' } }, apiSchemas());
    expect(hex(a)).toBe(hex(b));
  });

  it('refuses values of the wrong type', () => {
    expect(() => encodeProtobufObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 7 } }, apiSchemas())).toThrow(/ObjectMeta.name: expected a string, got 7/);
    expect(() => encodeProtobufObject({ kind: 'Nope', apiVersion: 'v1' }, apiSchemas())).toThrow(/no kind "Nope"/);
  });
});
