import { describe, expect, it } from 'vitest';
import { renderExplain, wrapString } from './explain';

const doc = {
  paths: {
    '/apis/demo.k8s.io/v1/namespaces/{namespace}/widgets': { get: { 'x-kubernetes-group-version-kind': { group: 'demo.k8s.io', kind: 'Widget', version: 'v1' } } },
  },
  components: {
    schemas: {
      'io.k8s.demo.v1.Widget': {
        type: 'object',
        description: 'Widget is a thing.',
        'x-kubernetes-group-version-kind': [{ group: 'demo.k8s.io', kind: 'Widget', version: 'v1' }],
        required: ['spec'],
        properties: {
          kind: { type: 'string', description: 'Kind of it.' },
          spec: { allOf: [{ $ref: '#/components/schemas/io.k8s.demo.v1.WidgetSpec' }], description: 'Spec of the widget.' },
        },
      },
      'io.k8s.demo.v1.WidgetSpec': {
        type: 'object',
        description: 'WidgetSpec says what a widget is.',
        properties: {
          size: { type: 'integer', format: 'int32', description: 'How big.' },
          mode: { type: 'string', enum: ['', 'Fast', 'Slow'], description: 'How it goes.' },
          labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
          parts: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/io.k8s.demo.v1.WidgetSpec' }] } },
        },
      },
    },
  },
};
const gvr = { group: 'demo.k8s.io', version: 'v1', resource: 'widgets' };

describe('kubectl explain (the plaintext template over OpenAPI v3)', () => {
  it('prints GROUP/KIND/VERSION, the description and every field with its type guess', () => {
    expect(renderExplain(doc, gvr, [], false).text).toBe(
      'GROUP:      demo.k8s.io\nKIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    Widget is a thing.\n    \nFIELDS:\n  kind\t<string>\n    Kind of it.\n\n  spec\t<WidgetSpec> -required-\n    Spec of the widget.\n\n\n',
    );
  });

  it('follows a field path (FIELD, ENUM, the wrapped descriptions of the field and its type)', () => {
    const out = renderExplain(doc, gvr, ['spec', 'mode'], false).text;
    expect(out).toContain('FIELD: mode <string>\nENUM:\n    ""\n    Fast\n    Slow\n\nDESCRIPTION:\n    How it goes.\n    \n');
    const spec = renderExplain(doc, gvr, ['spec'], false).text;
    expect(spec).toContain('FIELD: spec <WidgetSpec>\n\n\nDESCRIPTION:\n    Spec of the widget.\n    WidgetSpec says what a widget is.\n');
    expect(spec).toContain('  labels\t<map[string]string>\n    <no description>\n\n  mode\t<string>\n  enum: "", Fast, Slow\n    How it goes.\n\n  parts\t<[]WidgetSpec>\n');
  });

  it('lists fields recursively and stops at a cycle', () => {
    const out = renderExplain(doc, gvr, ['spec'], true).text;
    // parts are WidgetSpecs again: the list does not descend into them.
    expect(out).toContain('FIELDS:\n  labels\t<map[string]string>\n  mode\t<string>\n  enum: "", Fast, Slow\n  parts\t<[]WidgetSpec>\n  size\t<integer>\n\n');
  });

  it('says which field does not exist, after the header kubectl has already printed', () => {
    expect(renderExplain(doc, gvr, ['spec', 'nope'], false)).toEqual({ text: 'GROUP:      demo.k8s.io\nKIND:       Widget\nVERSION:    v1\n\n', error: 'error: field "nope" does not exist' });
  });

  it("wraps as go-wordwrap does: at spaces, never inside a word, keeping the text's newlines", () => {
    expect(wrapString('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(wrapString('averyveryverylongword and more', 10)).toBe('averyveryverylongword\nand more');
    expect(wrapString('one\n\ntwo  three', 6)).toBe('one\n\ntwo\nthree');
  });
});
