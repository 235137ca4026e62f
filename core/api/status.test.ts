import { describe, expect, it } from 'vitest';
import { StatusError, alreadyExists, badRequest, conflict, expired, forbidden, invalid, isStatusError, notFound, pathNotFound, success } from './status';

const pods = { group: '', resource: 'pods' };
const deployments = { group: 'apps', resource: 'deployments' };

describe('Status errors', () => {
  it('NotFound names the resource, with details.kind the plural', () => {
    const e = notFound(pods, 'web');
    expect(e).toBeInstanceOf(StatusError);
    expect(e.code).toBe(404);
    expect(e.reason).toBe('NotFound');
    expect(e.message).toBe('pods "web" not found');
    expect(e.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "web" not found',
      reason: 'NotFound',
      details: { name: 'web', kind: 'pods' },
      code: 404,
    });
  });

  it('qualifies resources of named groups', () => {
    const e = notFound(deployments, 'x');
    expect(e.message).toBe('deployments.apps "x" not found');
    expect(e.status.details).toEqual({ name: 'x', kind: 'deployments', group: 'apps' });
    const a = alreadyExists(deployments, 'x');
    expect(a.code).toBe(409);
    expect(a.reason).toBe('AlreadyExists');
    expect(a.message).toBe('deployments.apps "x" already exists');
  });

  it('Conflict uses the optimistic-concurrency wording by default', () => {
    const e = conflict(pods, 'web');
    expect(e.code).toBe(409);
    expect(e.reason).toBe('Conflict');
    expect(e.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
    expect(conflict(pods, 'web', 'because').message).toBe('Operation cannot be fulfilled on pods "web": because');
  });

  it('Invalid prints one cause bare and several as a list, keeping the causes', () => {
    const one = invalid('Pod', '', 'web', [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' }]);
    expect(one.code).toBe(422);
    expect(one.reason).toBe('Invalid');
    expect(one.message).toBe('Pod "web" is invalid: spec.containers: Required value');
    expect(one.status.details).toEqual({ name: 'web', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' }] });

    const two = invalid('Pod', '', 'web', [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "A": bad', field: 'spec.containers[0].name' },
    ]);
    expect(two.message).toBe('Pod "web" is invalid: [spec.containers[0].image: Required value, spec.containers[0].name: Invalid value: "A": bad]');
    expect(two.status.details?.causes).toHaveLength(2);
    expect(invalid('Deployment', 'apps', 'x', [{ message: 'Required value', field: 'spec.selector' }]).message).toBe('Deployment.apps "x" is invalid: spec.selector: Required value');
  });

  it('other failures carry their codes and reasons', () => {
    expect([badRequest('x'), forbidden('y'), expired('z'), pathNotFound()].map((e) => [e.code, e.reason])).toEqual([
      [400, 'BadRequest'],
      [403, 'Forbidden'],
      [410, 'Expired'],
      [404, 'NotFound'],
    ]);
    expect(pathNotFound().message).toBe('the server could not find the requested resource');
  });

  it('isStatusError checks the class and, when given, the reason', () => {
    const e = notFound(pods, 'web');
    expect(isStatusError(e)).toBe(true);
    expect(isStatusError(e, 'NotFound')).toBe(true);
    expect(isStatusError(e, 'Conflict')).toBe(false);
    expect(isStatusError(new Error('pods "web" not found'))).toBe(false);
    expect(isStatusError(e.status)).toBe(false);
  });

  it('success is a Status with code 200', () => {
    expect(success()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 });
  });
});
