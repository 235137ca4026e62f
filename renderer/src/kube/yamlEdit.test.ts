import { describe, expect, it } from 'vitest';
import { editText, fieldPath, lineOfField, parseEdited } from './yamlEdit';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { 'app.kubernetes.io/name': 'web' }, managedFields: [{ manager: 'kubectl' }], resourceVersion: '42' },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
};

describe('editing YAML', () => {
  it('hides managedFields and reads its own text back to the same object', () => {
    const text = editText(pod);
    expect(text).not.toContain('managedFields');
    const { object, problems } = parseEdited(text);
    expect(problems).toEqual([]);
    const { managedFields: _hidden, ...metadata } = pod.metadata;
    expect(object).toEqual({ ...pod, metadata });
  });

  it('reports a YAML syntax error with its line', () => {
    const { object, problems } = parseEdited('metadata:\n  name: web\n spec: [\n');
    expect(object).toBeUndefined();
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a document that is not an object with metadata', () => {
    expect(parseEdited('- a\n- b\n').problems).toEqual([{ line: 1, message: 'not-an-object' }]);
  });

  it('splits API server field paths', () => {
    expect(fieldPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(fieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });

  it('places a 422 cause on the line of its field, or of its nearest ancestor', () => {
    const text = editText(pod);
    const lines = text.split('\n');
    const imageLine = lines.findIndex((l) => l.includes('image: nginx')) + 1;
    expect(lineOfField(text, 'spec.containers[0].image')).toBe(imageLine);
    expect(lineOfField(text, 'spec.containers[0].ports[0].containerPort')).toBe(lines.findIndex((l) => l.includes('containerPort')) + 1);
    expect(lineOfField(text, 'metadata.labels[app.kubernetes.io/name]')).toBe(lines.findIndex((l) => l.includes('app.kubernetes.io/name')) + 1);
    // A missing field points at the container it belongs to.
    expect(lineOfField(text, 'spec.containers[0].resources.limits')).toBe(lines.findIndex((l) => l.includes('- name: app') || l.includes('- image:')) + 1);
    expect(lineOfField(text, 'nothing.here')).toBeNull();
  });
});
