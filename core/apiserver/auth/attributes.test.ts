import { describe, expect, it } from 'vitest';
import { requestAttributes } from './attributes';
import { nonResourceURLMatches, resourceMatches, ruleAllows } from './rules';

const U = { name: 'u', groups: [] };
const attrs = (method: string, path: string, query: Record<string, string> = {}) => {
  const a = requestAttributes(method, path, query, U);
  return { verb: a.verb, resource: a.resourceRequest ? `${a.apiGroup}/${a.resource}${a.subresource ? `/${a.subresource}` : ''}` : `path ${a.path}`, namespace: a.namespace, name: a.name };
};

describe('request attributes (RequestInfoFactory)', () => {
  it.each([
    ['GET', '/api/v1/namespaces/dev/pods', {}, { verb: 'list', resource: '/pods', namespace: 'dev', name: '' }],
    ['GET', '/api/v1/pods', { watch: 'true' }, { verb: 'watch', resource: '/pods', namespace: '', name: '' }],
    ['GET', '/api/v1/pods', { watch: 'yes' }, { verb: 'watch', resource: '/pods', namespace: '', name: '' }],
    ['GET', '/api/v1/pods', { watch: 'False' }, { verb: 'list', resource: '/pods', namespace: '', name: '' }],
    ['GET', '/api/v1/watch/namespaces/dev/pods/web', {}, { verb: 'watch', resource: '/pods', namespace: 'dev', name: 'web' }],
    ['GET', '/api/v1/namespaces/dev/pods', { fieldSelector: 'metadata.name=web' }, { verb: 'list', resource: '/pods', namespace: 'dev', name: 'web' }],
    ['GET', '/api/v1/namespaces/dev/pods/web/log', {}, { verb: 'get', resource: '/pods/log', namespace: 'dev', name: 'web' }],
    ['DELETE', '/apis/apps/v1/namespaces/dev/deployments', {}, { verb: 'deletecollection', resource: 'apps/deployments', namespace: 'dev', name: '' }],
    ['PATCH', '/apis/apps/v1/namespaces/dev/deployments/web/scale', {}, { verb: 'patch', resource: 'apps/deployments/scale', namespace: 'dev', name: 'web' }],
    ['GET', '/api/v1/namespaces/dev', {}, { verb: 'get', resource: '/namespaces', namespace: 'dev', name: 'dev' }],
    ['PUT', '/api/v1/namespaces/dev/finalize', {}, { verb: 'update', resource: '/namespaces/finalize', namespace: 'dev', name: 'dev' }],
    ['POST', '/api/v1/namespaces', {}, { verb: 'create', resource: '/namespaces', namespace: '', name: '' }],
    ['GET', '/apis/apps/v1', {}, { verb: 'get', resource: 'path /apis/apps/v1', namespace: '', name: '' }],
    ['GET', '/healthz', {}, { verb: 'get', resource: 'path /healthz', namespace: '', name: '' }],
  ])('%s %s %o', (method, path, query, expected) => {
    expect(attrs(method, path, query as Record<string, string>)).toEqual(expected);
  });
});

describe('RBAC rule matching', () => {
  it('matches resources, subresources, * and */subresource', () => {
    expect(resourceMatches({ verbs: [], resources: ['pods'] }, 'pods/log', 'log')).toBe(false);
    expect(resourceMatches({ verbs: [], resources: ['pods/log'] }, 'pods/log', 'log')).toBe(true);
    expect(resourceMatches({ verbs: [], resources: ['*/scale'] }, 'deployments/scale', 'scale')).toBe(true);
    expect(resourceMatches({ verbs: [], resources: ['*'] }, 'pods/exec', 'exec')).toBe(true);
  });

  it('matches non-resource URLs exactly or by a trailing *', () => {
    expect(nonResourceURLMatches({ verbs: [], nonResourceURLs: ['/apis/*'] }, '/apis/apps/v1')).toBe(true);
    expect(nonResourceURLMatches({ verbs: [], nonResourceURLs: ['/api'] }, '/api/v1')).toBe(false);
  });

  it('allows by verb, group, resource and name together', () => {
    const rule = { verbs: ['get', 'update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] };
    const a = requestAttributes('GET', '/api/v1/namespaces/dev/configmaps/app', {}, U);
    expect(ruleAllows(a, rule)).toBe(true);
    expect(ruleAllows({ ...a, name: 'other' }, rule)).toBe(false);
    expect(ruleAllows({ ...a, verb: 'list', name: '' }, rule)).toBe(false);
    expect(ruleAllows({ ...a, apiGroup: 'apps' }, rule)).toBe(false);
  });
});
