/** Data store images: redis, mysql, postgres (which refuse to start without a password). */
import { DEBIAN_PATH, debianBase, text, type ImageDef } from './types';

/** redis: listens on 6379. */
export const REDIS: ImageDef = {
  repository: 'docker.io/library/redis',
  tags: { latest: 45009421, '7': 45009421, '7.4': 45009421, '7.4.1': 45009421, '7.2': 40982614, '6': 40110311, alpine: 17237615, '7-alpine': 17237615 },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: DEBIAN_PATH, REDIS_VERSION: '7.4.1', REDIS_DOWNLOAD_URL: 'http://download.redis.io/releases/redis-7.4.1.tar.gz' },
  workingDir: '/data',
  version: '7.4.1',
  versions: { '7.2': '7.2.6', '6': '6.2.16' },
  files: {
    ...debianBase(),
    '/usr/local/bin/docker-entrypoint.sh': { content: '', program: 'entrypoint-passthrough' },
    '/usr/local/bin/redis-server': { content: '', program: 'redis-server' },
    '/usr/local/bin/redis-cli': { content: '', program: 'redis-cli' },
    '/data/.keep': text(''),
  },
  usage: { cpuMilli: 2, memoryBytes: 3_100_000 },
};

/** mysql (Oracle Linux 9 based): needs MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD or MYSQL_RANDOM_ROOT_PASSWORD. */
export const MYSQL: ImageDef = {
  repository: 'docker.io/library/mysql',
  tags: { latest: 172734213, '8.4': 172734213, '8.4.3': 172734213, '8': 172734213, lts: 172734213, '8.0': 167301944, '5.7': 137909888, '9': 178301118, '9.1': 178301118 },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOSU_VERSION: '1.17', MYSQL_MAJOR: '8.4', MYSQL_VERSION: '8.4.3-1.el9', MYSQL_SHELL_VERSION: '8.4.3-1.el9' },
  version: '8.4.3',
  versions: { '8.0': '8.0.40', '5.7': '5.7.44', '9': '9.1.0', '9.1': '9.1.0' },
  files: {
    '/etc/os-release': text('NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nVERSION_ID="9.5"\nPRETTY_NAME="Oracle Linux Server 9.5"\n'),
    '/bin/sh': { content: '', program: 'sh' },
    '/bin/bash': { content: '', program: 'sh' },
    '/usr/local/bin/docker-entrypoint.sh': { content: '', program: 'mysql' },
    '/usr/sbin/mysqld': { content: '', program: 'mysql' },
    '/usr/bin/mysql': { content: '', program: 'mysql-client' },
    '/var/lib/mysql/.keep': text(''),
    ...Object.fromEntries(['echo', 'sleep', 'cat', 'ls', 'date', 'env', 'printenv', 'hostname', 'true', 'false', 'test', 'ps'].map((n) => [`/usr/bin/${n}`, { content: '', program: n }])),
  },
  usage: { cpuMilli: 5, memoryBytes: 380_000_000 },
};

/** postgres: needs POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust). */
export const POSTGRES: ImageDef = {
  repository: 'docker.io/library/postgres',
  tags: { latest: 153911434, '17': 153911434, '17.2': 153911434, '16': 152110336, '15': 150011552, alpine: 104960211, '17-alpine': 104960211 },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  env: { PATH: `/usr/lib/postgresql/17/bin:${DEBIAN_PATH}`, GOSU_VERSION: '1.17', LANG: 'en_US.utf8', PG_MAJOR: '17', PG_VERSION: '17.2-1.pgdg120+1', PGDATA: '/var/lib/postgresql/data' },
  stopSignal: 'SIGINT',
  version: '17.2',
  versions: { '16': '16.6', '15': '15.10' },
  files: {
    ...debianBase(),
    '/usr/local/bin/docker-entrypoint.sh': { content: '', program: 'postgres' },
    '/usr/lib/postgresql/17/bin/postgres': { content: '', program: 'postgres' },
    '/usr/bin/psql': { content: '', program: 'psql' },
    '/var/lib/postgresql/data/.keep': text(''),
  },
  usage: { cpuMilli: 2, memoryBytes: 22_000_000 },
};
