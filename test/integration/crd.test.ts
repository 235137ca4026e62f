/**
 * CustomResourceDefinitions end to end with the real kubectl (when on PATH): the CronTab CRD of
 * the Kubernetes documentation is applied, becomes Established, and its custom resources are
 * created, listed with their printer columns (by plural and short name), explained, validated
 * with kube's messages, listed by `api-resources`; deleting the CRD deletes them and stops
 * serving them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { eventually, findKubectl, kubectl as runKubectl, tempDir } from '../helpers';

let lab: LabHost;
let dir: string;
const kubectlPath = findKubectl();

beforeAll(async () => {
  dir = tempDir();
  lab = await startLabHost({ dataDir: dir, port: 0, workers: 1, seed: 5 });
});
afterAll(async () => {
  await lab?.close();
});

/** kubectl with a discovery cache of its own (`cache`), so that no earlier run's cache answers. */
function kubectl(args: string[], cache = 'kube-cache') {
  return runKubectl(lab.kubeconfig, ['--cache-dir', join(dir, cache), ...args]);
}

function manifest(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The CronTab CRD of https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/. */
const CRD = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: crontabs.stable.example.com',
  'spec:',
  '  group: stable.example.com',
  '  versions:',
  '    - name: v1',
  '      served: true',
  '      storage: true',
  '      schema:',
  '        openAPIV3Schema:',
  '          type: object',
  '          properties:',
  '            spec:',
  '              type: object',
  '              properties:',
  '                cronSpec:',
  '                  type: string',
  "                  pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'",
  '                image:',
  '                  type: string',
  '                replicas:',
  '                  type: integer',
  '                  minimum: 1',
  '                  maximum: 10',
  '      additionalPrinterColumns:',
  '      - name: Spec',
  '        type: string',
  '        description: The cron spec defining the interval a CronJob is run',
  '        jsonPath: .spec.cronSpec',
  '      - name: Replicas',
  '        type: integer',
  '        description: The number of jobs launched by the CronJob',
  '        jsonPath: .spec.replicas',
  '      - name: Age',
  '        type: date',
  '        jsonPath: .metadata.creationTimestamp',
  '  scope: Namespaced',
  '  names:',
  '    plural: crontabs',
  '    singular: crontab',
  '    kind: CronTab',
  '    shortNames:',
  '    - ct',
];

const CRONTAB = ['apiVersion: "stable.example.com/v1"', 'kind: CronTab', 'metadata:', '  name: my-new-cron-object', 'spec:', '  cronSpec: "* * * * */5"', '  image: my-awesome-cron-image', '  replicas: 3'];

describe.skipIf(!kubectlPath)('a CustomResourceDefinition with the real kubectl', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the CRD suite drives the real kubectl)');

  it('applies the CRD, which becomes Established and is listed by kubectl get crd', async () => {
    const r = await kubectl(['apply', '-f', manifest('crd.yaml', CRD)]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created');
    const wait = await kubectl(['wait', '--for=condition=Established', 'crd/crontabs.stable.example.com', '--timeout=10s']);
    expect(wait.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com condition met');
    const get = await kubectl(['get', 'crd']);
    expect(get.stderr).toBe('');
    expect(get.stdout).toMatch(/^NAME\s+CREATED AT\ncrontabs\.stable\.example\.com\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
  });

  it('creates a CronTab and lists it with the printer columns, by plural and by short name', async () => {
    const r = await kubectl(['create', '-f', manifest('crontab.yaml', CRONTAB)]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('crontab.stable.example.com/my-new-cron-object created');
    for (const name of ['crontabs', 'ct', 'crontab.stable.example.com']) {
      const get = await kubectl(['get', name]);
      expect(get.stderr).toBe('');
      expect(get.stdout).toMatch(/^NAME\s+SPEC\s+REPLICAS\s+AGE\nmy-new-cron-object\s+\* \* \* \* \*\/5\s+3\s+\d+s\n$/);
    }
    const json = await kubectl(['get', 'ct', 'my-new-cron-object', '-o', 'jsonpath={.apiVersion} {.kind} {.spec.image} {.metadata.generation}']);
    expect(json.stdout).toBe('stable.example.com/v1 CronTab my-awesome-cron-image 1');
  });

  it('explains crontab.spec from the served OpenAPI', async () => {
    const r = await kubectl(['explain', 'crontab.spec']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^GROUP: {6}stable\.example\.com\nKIND: {7}CronTab\nVERSION: {4}v1\n\nFIELD: spec <Object>\n/);
    expect(r.stdout).toContain('\n  cronSpec\t<string>\n');
    expect(r.stdout).toContain('\n  image\t<string>\n');
    expect(r.stdout).toContain('\n  replicas\t<integer>\n');
  });

  it('rejects an invalid CronTab with the messages of a real API server', async () => {
    const file = manifest('bad.yaml', ['apiVersion: "stable.example.com/v1"', 'kind: CronTab', 'metadata:', '  name: bad-cron', 'spec:', '  cronSpec: "* * * *"', '  image: my-awesome-cron-image', '  replicas: 15']);
    const r = await kubectl(['create', '-f', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      [
        `The CronTab "bad-cron" is invalid: `,
        `* spec.cronSpec: Invalid value: "* * * *": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'`,
        '* spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10',
      ].join('\n'),
    );
    const unknown = manifest('unknown.yaml', [...CRONTAB.map((l) => l.replace('my-new-cron-object', 'typo-cron')), '  imagePullPolcy: Always']);
    const strict = await kubectl(['create', '-f', unknown]);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim()).toBe(`Error from server (BadRequest): error when creating "${unknown}": CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "spec.imagePullPolcy"`);
  });

  it('lists the resource in kubectl api-resources', async () => {
    const r = await kubectl(['api-resources', '--api-group=stable.example.com']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\ncrontabs\s+ct\s+stable\.example\.com\/v1\s+true\s+CronTab\n$/);
  });

  it('deletes the CRD, its custom resources with it, and stops serving them', async () => {
    const r = await kubectl(['delete', 'crd', 'crontabs.stable.example.com']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted');
    await eventually(async () => ((await kubectl(['get', 'crd', 'crontabs.stable.example.com'])).code === 1 ? true : undefined));
    // With fresh discovery the type is gone; with the discovery cached before, the list is a 404.
    const get = await kubectl(['get', 'crontabs'], 'fresh-cache');
    expect(get.code).toBe(1);
    expect(get.stderr.trim()).toBe(`error: the server doesn't have a resource type "crontabs"`);
    const cached = await kubectl(['get', 'crontabs']);
    expect(cached.stderr.trim()).toBe('Error from server (NotFound): Unable to list "stable.example.com/v1, Resource=crontabs": the server could not find the requested resource');
    const res = await fetch(`${lab.origin}/apis/stable.example.com/v1/namespaces/default/crontabs`, { headers: { authorization: `Bearer ${lab.token}` } });
    expect(res.status).toBe(404);
    const again = await kubectl(['apply', '-f', join(dir, 'crd.yaml')]);
    expect(again.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created');
    const empty = await kubectl(['get', 'crontabs']);
    expect(empty.stderr.trim()).toBe('No resources found in default namespace.');
  });
});
