import { describe, expect, it } from 'vitest';
import { formatPod, goDuration, imageSize, pullRpcError } from './podEvents';

describe('kubelet event pieces', () => {
  it("prints durations as Go's time.Duration does", () => {
    expect([0, 850, 1000, 1234, 1200, 61_500, 3_600_000].map(goDuration)).toEqual(['0s', '850ms', '1s', '1.234s', '1.2s', '1m1.5s', '1h0m0s']);
  });

  it('knows the size of catalogue images and makes up stable sizes for other images', () => {
    expect(imageSize('nginx')).toBe(72099501);
    expect(imageSize('docker.io/library/nginx:latest')).toBe(72099501);
    expect(imageSize('example.com/app:1')).toBe(imageSize('example.com/app:1'));
    expect(imageSize('example.com/app:1')).toBeGreaterThan(5_000_000);
  });

  it('formats pods as format.Pod and pull errors as gRPC statuses', () => {
    expect(formatPod({ metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec: { containers: [] } })).toBe('web_default(u1)');
    expect(pullRpcError('failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found')).toMatch(/^rpc error: code = NotFound desc = failed to pull and unpack image/);
  });
});
