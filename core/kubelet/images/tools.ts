/** Tool images for lessons: stress (memory and CPU hogs, for OOMKilled) and curl. */
import { bins, text, type ImageDef } from './types';

/** `stress` images: `stress --vm 1 --vm-bytes 250M --vm-hang 1` allocates 250M (OOMKilled above the limit). */
function stress(repository: string, size: number, entrypoint: string[]): ImageDef {
  return {
    repository,
    tags: { latest: size },
    entrypoint,
    cmd: [],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    version: '1.0.4',
    files: {
      '/etc/os-release': text('NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\n'),
      '/usr/bin/stress': { content: '', program: 'stress' },
      '/usr/local/bin/stress': { content: '', program: 'stress' },
      ...bins('/bin', ['sh', 'echo', 'sleep', 'cat', 'ls', 'date', 'env', 'true', 'false']),
    },
    usage: { cpuMilli: 0, memoryBytes: 500_000 },
  };
}

/** polinux/stress (no entrypoint: the pod names `stress` as its command). */
export const POLINUX_STRESS = stress('docker.io/polinux/stress', 4019016, []);
/** progrium/stress (ENTRYPOINT stress). */
export const PROGRIUM_STRESS = stress('docker.io/progrium/stress', 109381034, ['/usr/bin/stress', '--verbose']);

/** curlimages/curl (ENTRYPOINT /entrypoint.sh → curl). */
export const CURL: ImageDef = {
  repository: 'docker.io/curlimages/curl',
  tags: { latest: 10044221, '8.11.1': 10044221, '8.10.1': 9936187 },
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', CURL_VERSION: '8.11.1' },
  version: '8.11.1',
  files: { '/entrypoint.sh': { content: '', program: 'entrypoint-passthrough' }, '/usr/bin/curl': { content: '', program: 'curl' }, ...bins('/bin', ['sh', 'echo', 'sleep', 'cat', 'ls', 'env', 'true', 'false']) },
  usage: { cpuMilli: 0, memoryBytes: 400_000 },
};
