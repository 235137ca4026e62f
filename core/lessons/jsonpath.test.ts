import { describe, expect, it } from 'vitest';
import { evalJsonPath, parseJsonPath } from './jsonpath';

const pod = {
  metadata: { name: 'p', namespace: 'dev', labels: { app: 'web' } },
  status: {
    containerStatuses: [
      { name: 'web', restartCount: 0, ready: true, image: 'nginx:1.27' },
      { name: 'flaky', restartCount: 3, ready: false, image: 'busybox:1.36' },
    ],
  },
};

describe('lesson JSONPath (kubectl -o jsonpath templates)', () => {
  it('selects by a filter on a field, as kubectl -o jsonpath does', () => {
    expect(evalJsonPath(pod, '{.status.containerStatuses[?(@.name=="flaky")].restartCount}')).toEqual({ found: true, text: '3' });
    expect(evalJsonPath(pod, "{.status.containerStatuses[?(@.name=='web')].image}").text).toBe('nginx:1.27');
    expect(evalJsonPath(pod, '{.status.containerStatuses[?(@.ready==true)].name}').text).toBe('web');
    expect(evalJsonPath(pod, '{.status.containerStatuses[?(@.restartCount>0)].name}').text).toBe('flaky');
    expect(evalJsonPath(pod, '{.status.containerStatuses[?(@.name=="none")].restartCount}')).toEqual({ found: false, text: '' });
  });

  it('reads bare paths, several paths with text between them, and objects as kubectl prints them', () => {
    expect(evalJsonPath(pod, '.status.containerStatuses[*].name')).toEqual({ found: true, text: 'web flaky' });
    expect(evalJsonPath(pod, '{.metadata.namespace}/{.metadata.name}')).toEqual({ found: true, text: 'dev/p' });
    expect(evalJsonPath(pod, '{.metadata.namespace}/{.metadata.nope}').found).toBe(false);
    expect(evalJsonPath(pod, '{.metadata.labels}').text).toBe('{"app":"web"}');
  });

  it('refuses a template it cannot parse, naming the path', () => {
    expect(() => parseJsonPath('{.metadata.labels[tier}')).toThrow(/^invalid JSONPath \{\.metadata\.labels\[tier\}: /);
    expect(() => parseJsonPath('{range .items[*]}{.a}')).toThrow(/invalid JSONPath .*unclosed range/);
  });
});
