import { describe, expect, it } from 'vitest';
import { IMAGES, pullFailure, resolveImage } from './catalogue';
import { parseReference, qualifiedImage } from './reference';

describe('image references', () => {
  it('normalises names as containerd does', () => {
    expect(qualifiedImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(qualifiedImage('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(qualifiedImage('polinux/stress')).toBe('docker.io/polinux/stress:latest');
    expect(qualifiedImage('registry.k8s.io/pause:3.10')).toBe('registry.k8s.io/pause:3.10');
    expect(qualifiedImage('localhost:5000/app:v1')).toBe('localhost:5000/app:v1');
    expect(parseReference('Nginx')).toBeUndefined();
    expect(parseReference('nginx:')).toBeUndefined();
    expect(parseReference('nginx latest')).toBeUndefined();
  });
});

describe('the image catalogue', () => {
  it('knows tags and sizes, and fails unknown images and tags', () => {
    expect(resolveImage('nginx')?.size).toBe(72099501);
    expect(resolveImage('nginx:1.27')?.version).toBe('1.27.3');
    expect(resolveImage('nginx:stable')?.version).toBe('1.26.2');
    expect(resolveImage('nginx:doesnotexist')).toBeUndefined();
    expect(resolveImage('ngnix')).toBeUndefined();
    const byDigest = resolveImage(`docker.io/library/busybox@${resolveImage('busybox:1.36')?.digest ?? ''}`);
    expect(byDigest?.tag).toBe('1.36');
  });

  it("says why a pull fails as containerd 1.7 does", () => {
    expect(pullFailure('nginx:doesnotexist')).toBe('failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found');
    expect(pullFailure('ngnix')).toBe('failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
  });

  it('gives every image an entrypoint or command that exists in its filesystem', () => {
    for (const d of IMAGES) {
      const argv0 = [...d.entrypoint, ...d.cmd][0];
      if (argv0 === undefined) continue;
      const dirs = (d.env['PATH'] ?? '').split(':');
      const found = argv0.startsWith('/') ? d.files[argv0] : dirs.map((dir) => d.files[`${dir}/${argv0}`]).find((f) => f);
      expect([d.repository, found?.program !== undefined]).toEqual([d.repository, true]);
    }
  });
});
