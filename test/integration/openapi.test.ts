/**
 * `/openapi/v2` and `/openapi/v3` end to end: the lab host serves them, and the real kubectl
 * (when on PATH) uses them as against a real cluster — `kubectl explain` prints the real
 * explanations, and `kubectl create -f` validates field names without `--validate=false`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { findKubectl, kubectl, tempDir } from '../helpers';

let lab: LabHost;
let dir: string;
const kubectlPath = findKubectl();

beforeAll(async () => {
  dir = tempDir();
  lab = await startLabHost({ dataDir: dir, port: 0, workers: 1, seed: 11 });
});
afterAll(async () => {
  await lab?.close();
});

async function api(path: string, accept = 'application/json'): Promise<Response> {
  return fetch(`${lab.origin}${path}`, { headers: { authorization: `Bearer ${lab.token}`, accept } });
}

function manifest(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

describe('the OpenAPI endpoints', () => {
  it('serve the v3 index and one document per group/version', async () => {
    const res = await api('/openapi/v3');
    expect(res.status).toBe(200);
    const index = (await res.json()) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1']?.serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]+$/);
    const doc = (await (await api(index.paths['api/v1']?.serverRelativeURL as string)).json()) as { openapi: string; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.components.schemas['io.k8s.api.core.v1.Pod']).toMatchObject({ 'x-kubernetes-group-version-kind': [{ group: '', kind: 'Pod', version: 'v1' }] });
  });

  it('serve /openapi/v2 as JSON, and protobuf or a 406 Status to a protobuf-only client', async () => {
    const json = await api('/openapi/v2');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { swagger: string }).swagger).toBe('2.0');
    const proto = await api('/openapi/v2', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    if (proto.status === 200) expect(proto.headers.get('content-type')).toBe('application/octet-stream');
    else expect(await proto.json()).toMatchObject({ kind: 'Status', code: 406, reason: 'NotAcceptable' });
  });
});

describe.skipIf(!kubectlPath)('the real kubectl with the schemas', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the kubectl explain and validation checks need one)');

  it('explains pods exactly as against a real 1.32 cluster', async () => {
    const r = await kubectl(lab.kubeconfig, ['explain', 'pods']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Pod is a collection of containers that can run on a host. This resource is',
        '    created by clients and scheduled onto hosts.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  kind\t<string>',
        '    Kind is a string value representing the REST resource this object',
        '    represents. Servers may infer this from the endpoint the client submits',
        '    requests to. Cannot be updated. In CamelCase. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '  metadata\t<ObjectMeta>',
        "    Standard object's metadata. More info:",
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '',
        '  spec\t<PodSpec>',
        '    Specification of the desired behavior of the pod. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '  status\t<PodStatus>',
        '    Most recently observed status of the pod. This data may not be up to date.',
        '    Populated by the system. Read-only. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('explains pods.spec.containers with the field types, required marks and enums', async () => {
    const r = await kubectl(lab.kubeconfig, ['explain', 'pods.spec.containers']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: containers <\[\]Container>\n\n\nDESCRIPTION:\n {4}List of containers belonging to the pod\./);
    expect(r.stdout).toContain('\n  name\t<string> -required-\n');
    expect(r.stdout).toContain('\n  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n    Image pull policy. One of Always, Never, IfNotPresent.');
    expect(r.stdout).toContain('\n  ports\t<[]ContainerPort>\n');
    expect(r.stdout).toContain('\n  resources\t<ResourceRequirements>\n');
    const policy = await kubectl(lab.kubeconfig, ['explain', 'pods.spec.containers.imagePullPolicy']);
    expect(policy.stdout).toContain('FIELD: imagePullPolicy <string>\nENUM:\n    Always\n    IfNotPresent\n    Never\n');
    expect(policy.stdout).toContain(' - `"Always"` means that kubelet always attempts to pull the latest image.\n    Container will fail If the pull fails.\n');
  });

  it('explains deployment.spec.strategy', async () => {
    const r = await kubectl(lab.kubeconfig, ['explain', 'deployment.spec.strategy']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: strategy <DeploymentStrategy>\n/);
    expect(r.stdout).toContain('\n  rollingUpdate\t<RollingUpdateDeployment>\n');
    expect(r.stdout).toContain('\n  type\t<string>\n  enum: Recreate, RollingUpdate\n');
  });

  it('rejects a manifest with a misspelt field, with the message kubectl prints against a real cluster', async () => {
    const file = manifest(
      'typo.yaml',
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: typo', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27', '    imagePullPolcy: Always', ''].join('\n'),
    );
    const r = await kubectl(lab.kubeconfig, ['create', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // Server-side validation (the server advertises fieldValidation) or kubectl's own (it does not).
    const serverSide = `Error from server (BadRequest): error when creating "${file}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy"`;
    const clientSide = `error: error validating "${file}": error validating data: ValidationError(Pod.spec.containers[0]): unknown field "imagePullPolcy" in io.k8s.api.core.v1.Container; if you choose to ignore these errors, turn validation off with --validate=false`;
    expect([serverSide, clientSide]).toContain(r.stderr.trim());
    expect((await kubectl(lab.kubeconfig, ['get', 'pod', 'typo'])).code).toBe(1);
  });

  it('creates a correct manifest without --validate=false', async () => {
    const file = manifest('good.yaml', ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: good', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27', '    imagePullPolicy: IfNotPresent', '    ports:', '    - containerPort: 80', ''].join('\n'));
    const r = await kubectl(lab.kubeconfig, ['create', '-f', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('pod/good created');
  });

  it('validates the items of a List client-side against /openapi/v2 in protobuf', async () => {
    const proto = await api('/openapi/v2', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    expect(proto.status).toBe(200);
    const file = manifest(
      'list.yaml',
      ['apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: listed}', '  spec:', '    containers:', '    - {name: a, image: nginx, imagePullPolcy: Always}', ''].join('\n'),
    );
    const r = await kubectl(lab.kubeconfig, ['create', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `error: error validating "${file}": error validating data: ValidationError(Pod.spec.containers[0]): unknown field "imagePullPolcy" in io.k8s.api.core.v1.Container; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  });
});
