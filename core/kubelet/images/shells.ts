/** General-purpose images that run the command they are given: busybox, alpine, ubuntu, debian. */
import { DEBIAN_PATH, SHELL_TOOLS, bins, debianBase, text, type ImageDef } from './types';

const BUSYBOX_APPLETS = [...SHELL_TOOLS, 'wget', 'nc', 'nslookup', 'ping', 'vi', 'top', 'free', 'ip', 'ifconfig', 'busybox'];

/** busybox: every applet is /bin/busybox; CMD sh. */
export const BUSYBOX: ImageDef = {
  repository: 'docker.io/library/busybox',
  tags: { latest: 2166802, '1.37': 2166802, '1.37.0': 2166802, '1.36': 2156012, '1.36.1': 2156012, '1.35': 2149417, musl: 855134, glibc: 2166802, stable: 2156012 },
  entrypoint: [],
  cmd: ['sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  version: '1.37.0',
  versions: { '1.36': '1.36.1', '1.36.1': '1.36.1', '1.35': '1.35.0', stable: '1.36.1' },
  files: {
    '/etc/os-release': text(''),
    '/etc/passwd': text('root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    '/etc/group': text('root:x:0:\nnobody:x:65534:\n'),
    '/tmp/.keep': text(''),
    '/root/.keep': text(''),
    ...bins('/bin', BUSYBOX_APPLETS),
  },
  usage: { cpuMilli: 0, memoryBytes: 360_000 },
};

/** alpine: busybox applets on musl, CMD /bin/sh. */
export const ALPINE: ImageDef = {
  repository: 'docker.io/library/alpine',
  tags: { latest: 3653068, '3.21': 3653068, '3.20': 3625590, '3.19': 3419810, '3': 3653068, edge: 3667240 },
  entrypoint: [],
  cmd: ['/bin/sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  version: '3.21.0',
  versions: { '3.20': '3.20.3', '3.19': '3.19.4' },
  files: {
    '/etc/os-release': text('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n'),
    '/etc/alpine-release': text('3.21.0\n'),
    '/etc/passwd': text('root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'),
    '/tmp/.keep': text(''),
    '/root/.keep': text(''),
    ...bins('/bin', BUSYBOX_APPLETS),
    '/sbin/apk': { content: '', program: 'apk' },
  },
  usage: { cpuMilli: 0, memoryBytes: 420_000 },
};

/** ubuntu: bash and coreutils, CMD /bin/bash. */
export const UBUNTU: ImageDef = {
  repository: 'docker.io/library/ubuntu',
  tags: { latest: 29754290, '24.04': 29754290, noble: 29754290, '22.04': 29536714, jammy: 29536714, '20.04': 27508813 },
  entrypoint: [],
  cmd: ['/bin/bash'],
  env: { PATH: DEBIAN_PATH },
  version: '24.04',
  versions: { '22.04': '22.04', jammy: '22.04', '20.04': '20.04' },
  files: {
    ...debianBase(),
    '/etc/os-release': text('PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nUBUNTU_CODENAME=noble\n'),
    '/usr/bin/apt-get': { content: '', program: 'apt-get' },
  },
  usage: { cpuMilli: 0, memoryBytes: 600_000 },
};

/** debian: bash and coreutils, CMD bash. */
export const DEBIAN: ImageDef = {
  repository: 'docker.io/library/debian',
  tags: { latest: 48494272, bookworm: 48494272, '12': 48494272, 'bookworm-slim': 28230256, '12-slim': 28230256 },
  entrypoint: [],
  cmd: ['bash'],
  env: { PATH: DEBIAN_PATH },
  version: '12.8',
  files: { ...debianBase(), '/usr/bin/apt-get': { content: '', program: 'apt-get' } },
  usage: { cpuMilli: 0, memoryBytes: 600_000 },
};
