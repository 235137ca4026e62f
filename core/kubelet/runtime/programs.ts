/** Every simulated program, by the name an image's executable gives (`ImageFile.program`). */
import { curl, wget } from './net';
import type { Program } from './process';
import { coredns, daemon, entrypointPassthrough, mysql, pause, postgres, redisServer } from './services';
import { shProgram } from './sh';
import { testExpression } from './shTest';
import { stress } from './stress';
import { SYS_TOOLS } from './sysTools';
import { tar } from './tar';
import { TOOLS } from './tools';
import { httpd, nginx, nginxEntrypoint, phpApache } from './web';

const notInstalled =
  (what: string): Program =>
  async (ctx) => {
    ctx.io.stderr(`${what}: this simulated image does not run ${what} (KubeLab)\n`);
    return 1;
  };

/** The programs. */
export const PROGRAMS: Record<string, Program> = {
  ...TOOLS,
  ...SYS_TOOLS,
  tar,
  sh: shProgram,
  test: async (ctx) => testExpression(ctx.argv.slice(1), ctx, ctx.io),
  '[': async (ctx) => testExpression(ctx.argv.slice(1, ctx.argv[ctx.argv.length - 1] === ']' ? -1 : undefined), ctx, ctx.io),
  busybox: async (ctx) => {
    const applet = ctx.argv[1];
    const p = applet ? PROGRAMS[applet] : undefined;
    if (!p) {
      ctx.io.stdout('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n');
      return applet ? 127 : 0;
    }
    return p(Object.create(ctx, { argv: { value: ctx.argv.slice(1) } }));
  },
  curl,
  wget,
  'nginx-entrypoint': nginxEntrypoint,
  nginx,
  httpd,
  'php-apache': phpApache,
  'entrypoint-passthrough': entrypointPassthrough,
  'redis-server': redisServer,
  mysql,
  postgres,
  pause,
  coredns,
  daemon,
  stress,
  'redis-cli': notInstalled('redis-cli'),
  'mysql-client': notInstalled('mysql'),
  psql: notInstalled('psql'),
  apk: notInstalled('apk'),
  'apt-get': notInstalled('apt-get'),
  nc: async (ctx) => {
    const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    const [host = '', port = ''] = args;
    const r = ctx.host.tcp(host, Number(port));
    return r.ok ? 0 : 1;
  },
  vi: notInstalled('vi'),
  top: notInstalled('top'),
  free: notInstalled('free'),
};
