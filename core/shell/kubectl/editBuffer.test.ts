import { describe, expect, it } from 'vitest';
import { decodeEdited, editHeader, hasLines, manualStrip, stripComments, validateEdited } from './editBuffer';

const json = (t: string) => [JSON.parse(t) as unknown];

describe("kubectl edit's buffer", () => {
  it('writes the header, then each reason with its details', () => {
    expect(editHeader([{ head: 'deployments.apps "web" was not valid', other: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] }, { head: 'The edited file had a syntax error: a\nb', other: [] }])).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n" +
        '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n# The edited file had a syntax error: a\n# b\n#\n',
    );
  });

  it('strips comment lines (not #!), and tells an empty buffer', () => {
    expect(manualStrip('# a\nx: 1\n  # b\n#!keep\n')).toBe('x: 1\n#!keep\n');
    expect(hasLines('# only\n\n   \n')).toBe(false);
    expect(hasLines('# c\nkind: Pod\n')).toBe(true);
    expect(stripComments('{"a": 1}', json)).toBe(stripComments('{"a":1}', json));
  });

  it('checks what the client checks: an object, with apiVersion and kind (items of a List too)', () => {
    expect(validateEdited('null', json)).toBe('invalid object to validate');
    expect(validateEdited('{"kind":"Pod"}', json)).toBe('apiVersion not set');
    expect(validateEdited('{}', json)).toBe('[apiVersion not set, kind not set]');
    expect(validateEdited('{"apiVersion":"v1","kind":"List","items":[{"kind":"Pod"}]}', json)).toBe('apiVersion not set');
    expect(validateEdited('{"apiVersion":"v1","kind":"Pod"}', json)).toBeUndefined();
  });

  it('reads the objects back, flattening a List', () => {
    expect(decodeEdited('{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}]}', json)).toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }]);
    expect(() => decodeEdited('{"apiVersion":"v1"}', json)).toThrow(`Object 'Kind' is missing in '{"apiVersion":"v1"}'`);
  });
});
