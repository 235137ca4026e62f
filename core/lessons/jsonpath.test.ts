import { describe, expect, it } from 'vitest';
import { evalJsonPath, jsonPathText, parseJsonPath } from './jsonpath';

const pod = {
  status: {
    containerStatuses: [
      { name: 'web', restartCount: 0, ready: true, image: 'nginx:1.27' },
      { name: 'flaky', restartCount: 3, ready: false, image: 'busybox:1.36' },
    ],
  },
};

describe('lesson JSONPath', () => {
  it('selects by a filter on a field, as kubectl -o jsonpath does', () => {
    expect(jsonPathText(evalJsonPath(pod, '{.status.containerStatuses[?(@.name=="flaky")].restartCount}'))).toBe('3');
    expect(jsonPathText(evalJsonPath(pod, "{.status.containerStatuses[?(@.name=='web')].image}"))).toBe('nginx:1.27');
    expect(jsonPathText(evalJsonPath(pod, '{.status.containerStatuses[?(@.ready==true)].name}'))).toBe('web');
    expect(jsonPathText(evalJsonPath(pod, '{.status.containerStatuses[?(@.restartCount!=0)].name}'))).toBe('flaky');
    expect(evalJsonPath(pod, '{.status.containerStatuses[?(@.name=="none")].restartCount}')).toEqual([]);
  });

  it('refuses a filter it cannot evaluate, naming the part', () => {
    expect(() => parseJsonPath('{.items[?(@.count>2)]}')).toThrow(/\[\?\(@\.count>2\)\] is neither an index, \*, a quoted key nor a filter/);
  });
});
