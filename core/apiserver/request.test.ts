import { describe, expect, it } from 'vitest';
import { negotiate, parseResourcePath } from './request';

describe('parseResourcePath', () => {
  it('parses core and group paths, cluster-wide and namespaced', () => {
    expect(parseResourcePath('/api/v1/pods')).toEqual({ group: '', version: 'v1', resource: 'pods' });
    expect(parseResourcePath('/api/v1/namespaces/default/pods')).toEqual({ group: '', version: 'v1', namespace: 'default', resource: 'pods' });
    expect(parseResourcePath('/api/v1/namespaces/default/pods/web')).toEqual({ group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'web' });
    expect(parseResourcePath('/api/v1/namespaces/default/pods/web/status')).toEqual({
      group: '',
      version: 'v1',
      namespace: 'default',
      resource: 'pods',
      name: 'web',
      subresource: 'status',
    });
    expect(parseResourcePath('/apis/apps/v1/namespaces/x/deployments')).toEqual({ group: 'apps', version: 'v1', namespace: 'x', resource: 'deployments' });
    expect(parseResourcePath('/apis/apps/v1/deployments')).toEqual({ group: 'apps', version: 'v1', resource: 'deployments' });
    expect(parseResourcePath('/api/v1/nodes/n1')).toEqual({ group: '', version: 'v1', resource: 'nodes', name: 'n1' });
  });

  it('reads namespaces/NAME and its status and finalize subresources as the namespace itself', () => {
    expect(parseResourcePath('/api/v1/namespaces')).toEqual({ group: '', version: 'v1', resource: 'namespaces' });
    expect(parseResourcePath('/api/v1/namespaces/foo')).toEqual({ group: '', version: 'v1', resource: 'namespaces', name: 'foo' });
    expect(parseResourcePath('/api/v1/namespaces/foo/finalize')).toEqual({ group: '', version: 'v1', resource: 'namespaces', name: 'foo', subresource: 'finalize' });
    expect(parseResourcePath('/api/v1/namespaces/foo/status')).toEqual({ group: '', version: 'v1', resource: 'namespaces', name: 'foo', subresource: 'status' });
  });

  it.each(['/', '/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/healthz', '/foo/v1/pods', '/api/v1/namespaces/default/pods/web/status/extra', '/api/v1/namespaces/../pods', '/api/v1/pods/..'])(
    'is undefined for %s',
    (path) => {
      expect(parseResourcePath(path)).toBeUndefined();
    },
  );
});

describe('negotiate', () => {
  const KUBECTL = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

  it("gives a Table for kubectl's get header, with metadata rows by default", () => {
    expect(negotiate(KUBECTL, undefined)).toEqual({ as: 'table', include: 'Metadata' });
    expect(negotiate(KUBECTL, 'Object')).toEqual({ as: 'table', include: 'Object' });
    expect(negotiate('application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'None')).toEqual({ as: 'table', include: 'None' });
  });

  it('gives objects for JSON, YAML, wildcards and no header', () => {
    for (const accept of ['application/json', 'application/yaml', '*/*', 'application/*', 'application/vnd.kubernetes.protobuf, */*', '', undefined]) {
      expect(negotiate(accept, undefined)).toEqual({ as: 'object' });
    }
  });

  it('falls back past a Table of an unknown version', () => {
    expect(negotiate('application/json;as=Table;v=v2;g=meta.k8s.io,application/json', undefined)).toEqual({ as: 'object' });
    expect(negotiate('application/json;as=Table;v=v2;g=meta.k8s.io', undefined)).toEqual({ as: 'unacceptable' });
  });

  it('refuses protobuf only', () => {
    expect(negotiate('application/vnd.kubernetes.protobuf', undefined)).toEqual({ as: 'unacceptable' });
    expect(negotiate('text/html', undefined)).toEqual({ as: 'unacceptable' });
  });
});
