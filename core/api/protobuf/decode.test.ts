/**
 * Decoding real request bodies: each fixture is the exact body kubectl 1.32.4 sent (captured
 * between kubectl and the lab host), base64 here. The expected JSON is what Go's encoding/json
 * writes for the same value, minus `creationTimestamp: null`.
 */
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../schema/index';
import { StatusError } from '../status';
import { decodeProtobufBody, decodeProtobufObject, NotRegisteredError, PROTOBUF_MAGIC, readEnvelope } from './envelope';
import { base64Decode, utf8Encode } from './text';
import { ProtobufError, Writer } from './wire';

const KUBECTL: Record<string, string> = {
  // kubectl create deployment api --image=nginx --replicas=0 --port=80
  deployment:
    'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErgBCh8KA2FwaRIAGgAiACoAMgA4AEIAWgoKA2FwcBIDYXBpEoYBCAASDAoKCgNhcHASA2FwaRpsChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDYXBpEkwSLgoFbmdpbngSBW5naW54KgAyCgoAEAAYUCIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=',
  // kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two
  configmap: 'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEicKEwoDY2ZnEgAaACIAKgAyADgAQgASBgoBYRIBMRIICgFiEgN0d28aACIA',
  // kubectl create secret generic sec --from-literal=password=s3cr3t
  secret: 'azhzAAoMCgJ2MRIGU2VjcmV0EisKEwoDc2VjEgAaACIAKgAyADgAQgASEgoIcGFzc3dvcmQSBnMzY3IzdBoAGgAiAA==',
  // kubectl create service clusterip web --tcp=80:8080
  service: 'azhzAAoNCgJ2MRIHU2VydmljZRJpCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEkIKGwoHODAtODA4MBIDVENQGFAiBwgAEJA/GgAoABIKCgNhcHASA3dlYhoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==',
  // kubectl create namespace team-a
  namespace: 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA',
  // kubectl create job once --image=busybox -- echo hi
  job: 'azhzAAoPCghiYXRjaC92MRIDSm9iEogBChQKBG9uY2USABoAIgAqADIAOABCABJmMmQKEAoAEgAaACIAKgAyADgAQgASUBItCgRvbmNlEgdidXN5Ym94GgRlY2hvGgJoaSoAQgBqAHIAgAEAiAEAkAEAogEAGgVOZXZlcjIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAGgggACgAMAA6ABoAIgA=',
  // kubectl create cronjob nightly --image=busybox --schedule='*/5 * * * *' -- date
  cronjob:
    'azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhK0AQoXCgduaWdodGx5EgAaACIAKgAyADgAQgASlgEKCyovNSAqICogKiAqGgAqhAEKFwoHbmlnaHRseRIAGgAiACoAMgA4AEIAEmkyZwoQCgASABoAIgAqADIAOABCABJTEiwKB25pZ2h0bHkSB2J1c3lib3gaBGRhdGUqAEIAagByAIABAIgBAJABAKIBABoJT25GYWlsdXJlMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAaABoAIgA=',
  // kubectl create serviceaccount robot
  serviceaccount: 'azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSFwoVCgVyb2JvdBIAGgAiACoAMgA4AEIAGgAiAA==',
  // kubectl create role reader --verb=get,list --resource=pods
  role: 'azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEi0KFgoGcmVhZGVyEgAaACIAKgAyADgAQgASEwoDZ2V0CgRsaXN0EgAaBHBvZHMaACIA',
  // kubectl create rolebinding rb --role=reader --serviceaccount=default:robot
  rolebinding:
    'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxJjChIKAnJiEgAaACIAKgAyADgAQgASIgoOU2VydmljZUFjY291bnQSABoFcm9ib3QiB2RlZmF1bHQaKQoZcmJhYy5hdXRob3JpemF0aW9uLms4cy5pbxIEUm9sZRoGcmVhZGVyGgAiAA==',
  // kubectl create quota q --hard=cpu=2,memory=1Gi,pods=10
  quota: 'azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJCChEKAXESABoAIgAqADIAOABCABIrCgoKA2NwdRIDCgEyCg8KBm1lbW9yeRIFCgMxR2kKDAoEcG9kcxIECgIxMBoAGgAiAA==',
  // kubectl create pdb pdb1 --selector=app=api --min-available=50%
  pdb: 'azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSPQoUCgRwZGIxEgAaACIAKgAyADgAQgASGQoJCAEQABoDNTAlEgwKCgoDYXBwEgNhcGkaCggAGAAgACgAMAAaACIA',
  // kubectl create ingress ing --rule="foo.com/bar=svc1:8080"
  ingress: 'azhzAAofChRuZXR3b3JraW5nLms4cy5pby92MRIHSW5ncmVzcxJKChMKA2luZxIAGgAiACoAMgA4AEIAEi8aLQoHZm9vLmNvbRIiCiAKHgoEL2JhchIPIg0KBHN2YzESBQoAEJA/GgVFeGFjdBoCCgAaACIA',
  // kubectl autoscale deployment api --min=1 --max=3 --cpu-percent=50
  hpa: 'azhzAAopCg5hdXRvc2NhbGluZy92MRIXSG9yaXpvbnRhbFBvZEF1dG9zY2FsZXISPwoTCgNhcGkSABoAIgAqADIAOABCABIiChoKCkRlcGxveW1lbnQSA2FwaRoHYXBwcy92MRABGAMgMhoEGAAgABoAIgA=',
  // kubectl create priorityclass high --value=1000 --description=x
  priorityclass: 'azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxI0ChQKBGhpZ2gSABoAIgAqADIAOABCABDoBxgAIgF4KhRQcmVlbXB0TG93ZXJQcmlvcml0eRoAIgA=',
  // kubectl auth can-i get pods
  ssar: 'azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSPAoQCgASABoAIgAqADIAOABCABIeChwKB2RlZmF1bHQSA2dldBoAIgAqBHBvZHMyADoAGggIABIAGgAgABoAIgA=',
  // kubectl drain NODE --disable-eviction --force --grace-period=0 (the DELETE of each pod)
  deleteOptions: 'azhzAAoTCgJ2MRINRGVsZXRlT3B0aW9ucxICCAAaACIA',
};

const decode = (name: string) => decodeProtobufObject(base64Decode(KUBECTL[name] as string), apiSchemas());

describe('bodies kubectl sends', () => {
  it('a Deployment: pointer fields keep their zero (replicas 0), omitempty zeros are dropped, empty structs stay', () => {
    expect(decode('deployment')).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'api', labels: { app: 'api' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'api' } },
        template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] } },
        strategy: {},
      },
      status: {},
    });
  });

  it('a ConfigMap, a Secret (bytes become base64), a ServiceAccount and a Namespace', () => {
    expect(decode('configmap')).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg' }, data: { a: '1', b: 'two' } });
    expect(decode('secret')).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 'sec' }, data: { password: 'czNjcjN0' } });
    expect(decode('serviceaccount')).toEqual({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'robot' } });
    expect(decode('namespace')).toEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'team-a' }, spec: {}, status: {} });
  });

  it('a Service: an IntOrString targetPort, a map selector', () => {
    expect(decode('service')).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'web' }, type: 'ClusterIP' },
      status: { loadBalancer: {} },
    });
  });

  it('a Job and a CronJob: repeated strings, nested templates', () => {
    const podSpec = (name: string, command: string[], restartPolicy: string) => ({ containers: [{ name, image: 'busybox', command, resources: {} }], restartPolicy });
    expect(decode('job')).toEqual({ kind: 'Job', apiVersion: 'batch/v1', metadata: { name: 'once' }, spec: { template: { metadata: {}, spec: podSpec('once', ['echo', 'hi'], 'Never') } }, status: {} });
    expect(decode('cronjob')).toEqual({
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'nightly' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'nightly' }, spec: { template: { metadata: {}, spec: podSpec('nightly', ['date'], 'OnFailure') } } } },
      status: {},
    });
  });

  it('a Role and a RoleBinding', () => {
    expect(decode('role')).toEqual({ kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: { name: 'reader' }, rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] });
    expect(decode('rolebinding')).toEqual({
      kind: 'RoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'rb' },
      subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    });
  });

  it('a ResourceQuota: a map of Quantities', () => {
    expect(decode('quota')).toEqual({ kind: 'ResourceQuota', apiVersion: 'v1', metadata: { name: 'q' }, spec: { hard: { cpu: '2', memory: '1Gi', pods: '10' } }, status: {} });
  });

  it('a PodDisruptionBudget, an Ingress and an HPA: string IntOrString, non-omitempty zeros kept', () => {
    expect(decode('pdb')).toEqual({
      kind: 'PodDisruptionBudget',
      apiVersion: 'policy/v1',
      metadata: { name: 'pdb1' },
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'api' } } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    });
    expect(decode('ingress')).toEqual({
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: { name: 'ing' },
      spec: { rules: [{ host: 'foo.com', http: { paths: [{ path: '/bar', backend: { service: { name: 'svc1', port: { number: 8080 } } }, pathType: 'Exact' }] } }] },
      status: { loadBalancer: {} },
    });
    expect(decode('hpa')).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'api' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'api', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
  });

  it('a PriorityClass and a SelfSubjectAccessReview', () => {
    expect(decode('priorityclass')).toEqual({ kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: { name: 'high' }, value: 1000, description: 'x', preemptionPolicy: 'PreemptLowerPriority' });
    expect(decode('ssar')).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  it('DeleteOptions with gracePeriodSeconds 0 (a pointer: the zero is kept)', () => {
    expect(decode('deleteOptions')).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 });
  });
});

describe('the envelope', () => {
  it('reads runtime.Unknown: type meta, raw message, empty content encoding and type', () => {
    const env = readEnvelope(base64Decode(KUBECTL.configmap as string));
    expect(env).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', contentEncoding: '', contentType: '' });
    expect(env.raw.length).toBeGreaterThan(0);
  });

  it('refuses a body without the k8s\\0 magic, and a kind that has no protobuf form here', () => {
    expect(() => decodeProtobufObject(Uint8Array.of(0x7b, 0x7d), apiSchemas())).toThrow(/expected prefix \[107 56 115 0\]/);
    // A custom resource: only built-in kinds have a protobuf form.
    const typeMeta = new Writer().bytesField(1, utf8Encode('example.com/v1')).bytesField(2, utf8Encode('Widget')).finish();
    const widget = new Writer().raw(PROTOBUF_MAGIC).bytesField(1, typeMeta).bytesField(2, new Uint8Array(0)).finish();
    expect(() => decodeProtobufObject(widget, apiSchemas())).toThrow(NotRegisteredError);
    expect(() => decodeProtobufObject(widget, apiSchemas())).toThrow('no kind "Widget" is registered for version "example.com/v1"');
  });

  it('gives the API server 400 Statuses', () => {
    const status = (bytes: Uint8Array) => {
      try {
        decodeProtobufBody(bytes, apiSchemas());
      } catch (e) {
        return e instanceof StatusError ? e.status : e;
      }
      return undefined;
    };
    expect(status(new Uint8Array(0))).toMatchObject({ code: 400, message: 'the body of the request was empty' });
    expect(status(Uint8Array.of(1, 2, 3, 4, 5))).toMatchObject({ code: 400, reason: 'BadRequest', message: expect.stringMatching(/^the object provided is unrecognized \(provided data does not appear/) });
    const truncated = base64Decode(KUBECTL.deployment as string).slice(0, 60);
    expect(status(truncated)).toMatchObject({ code: 400, message: expect.stringContaining('the object provided is unrecognized') });
  });

  it('reports a wrong wire type as a ProtobufError', () => {
    // A ConfigMap whose metadata (field 1) is a varint.
    const bad = Uint8Array.of(0x6b, 0x38, 0x73, 0x00, 0x0a, 0x0f, 0x0a, 0x02, 0x76, 0x31, 0x12, 0x09, ...[...'ConfigMap'].map((c) => c.charCodeAt(0)), 0x12, 0x02, 0x08, 0x01);
    expect(() => decodeProtobufObject(bad, apiSchemas())).toThrow(ProtobufError);
  });
});
