/**
 * Data stores and the cluster's own daemons as their images run them: redis, mysql and
 * postgres (which refuse to start without a password, exactly as their entrypoints say),
 * pause, CoreDNS and the control-plane components.
 */
import { execInPlace, type ProcessContext, type Program } from './process';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '');
}

/** A docker-entrypoint.sh that only execs its command (redis, curl). */
export const entrypointPassthrough: Program = async (ctx) => (ctx.argv.length > 1 ? execInPlace(ctx, ctx.argv.slice(1)) : 0);

/** redis-server 7.4. */
export const redisServer: Program = async (ctx) => {
  const v = ctx.host.image.version;
  const log = (role: string, mark: string, msg: string) => ctx.io.stdout(`1:${role} ${redisTime(ctx.now())} ${mark} ${msg}\n`);
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  log('M', '*', 'Running mode=standalone, port=6379.');
  log('M', '*', 'Server initialized');
  log('M', '*', 'Ready to accept connections tcp');
  ctx.host.listen(6379, { tcp: () => true, http: () => ({ status: 0, headers: {}, body: '-ERR wrong number of arguments for \'get\' command\r\n' }) });
  const stop = (sig: string) => {
    ctx.io.stdout(`1:signal-handler (${Math.floor(ctx.now() / 1000)}) Received ${sig} scheduling shutdown...\n`);
    log('M', '*', 'User requested shutdown...');
    log('M', '*', 'Saving the final RDB snapshot before exiting.');
    log('M', '*', 'DB saved on disk');
    log('M', '#', 'Redis is now ready to exit, bye bye...');
    ctx.end(0);
  };
  ctx.trap('SIGTERM', () => stop('SIGTERM'));
  ctx.trap('SIGINT', () => stop('SIGINT'));
  return ctx.forever();
};

/** The mysql image's entrypoint and server. */
export const mysql: Program = async (ctx) => {
  const env = ctx.env;
  const ver = `${ctx.host.image.version}-1.el9`;
  const note = (msg: string, level = 'Note') => ctx.io.stdout(`${isoSeconds(ctx.now())}+00:00 [${level}] [Entrypoint]: ${msg}\n`);
  note(`Entrypoint script for MySQL Server ${ver} started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${ver} started.`);
  if (!env['MYSQL_ROOT_PASSWORD'] && !env['MYSQL_ALLOW_EMPTY_PASSWORD'] && !env['MYSQL_RANDOM_ROOT_PASSWORD']) {
    ctx.io.stderr(`${isoSeconds(ctx.now())}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  const fresh = ctx.host.fs.stat('/var/lib/mysql/mysql') === undefined;
  const server = (msg: string, level = 'System', code = 'MY-010116') => ctx.io.stderr(`${new Date(ctx.now()).toISOString().replace('Z', '000Z')} 0 [${level}] [${code}] [Server] ${msg}\n`);
  if (fresh) {
    note('Initializing database files');
    await ctx.sleep(4000);
    ctx.host.fs.mkdir('/var/lib/mysql/mysql');
    note('Database files initialized');
    note('Starting temporary server');
    await ctx.sleep(2000);
    note('Temporary server started.');
    if (env['MYSQL_DATABASE']) note(`Creating database ${env['MYSQL_DATABASE']}`);
    note('Stopping temporary server');
    await ctx.sleep(1500);
    note('Temporary server stopped');
    ctx.io.stdout('\n');
    note('MySQL init process done. Ready for start up.');
    ctx.io.stdout('\n');
  }
  server(`/usr/sbin/mysqld (mysqld ${ctx.host.image.version}) starting as process 1`);
  await ctx.sleep(1000);
  server("/usr/sbin/mysqld: ready for connections. Version: '" + ctx.host.image.version + "'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.", 'System', 'MY-010931');
  ctx.host.setMemory(ctx.pid, 380_000_000);
  ctx.host.listen(3306, { tcp: () => true });
  ctx.trap('SIGTERM', () => {
    server('Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ' + ctx.host.image.version + ').', 'System', 'MY-013172');
    server(`/usr/sbin/mysqld: Shutdown complete (mysqld ${ctx.host.image.version})  MySQL Community Server - GPL.`, 'System', 'MY-010910');
    ctx.end(0);
  });
  return ctx.forever();
};

/** The postgres image's entrypoint and server. */
export const postgres: Program = async (ctx) => {
  const env = ctx.env;
  if (!env['POSTGRES_PASSWORD'] && env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
    ctx.io.stderr(
      'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
    return 1;
  }
  const pgdata = env['PGDATA'] ?? '/var/lib/postgresql/data';
  const log = (msg: string) => ctx.io.stderr(`${new Date(ctx.now()).toISOString().replace('T', ' ').replace('Z', '')} UTC [1] LOG:  ${msg}\n`);
  if (ctx.host.fs.stat(`${pgdata}/PG_VERSION`) === undefined) {
    ctx.io.stdout('The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n');
    await ctx.sleep(2500);
    ctx.host.fs.write(`${pgdata}/PG_VERSION`, `${ctx.host.image.version.split('.')[0] ?? ''}\n`);
    ctx.io.stdout('Success. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n\nPostgreSQL init process complete; ready for start up.\n\n');
  } else ctx.io.stdout('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
  log(`starting PostgreSQL ${ctx.host.image.version} (Debian ${ctx.host.image.version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`);
  log('listening on IPv4 address "0.0.0.0", port 5432');
  log('listening on IPv6 address "::", port 5432');
  log('listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log('database system is ready to accept connections');
  ctx.host.listen(5432, { tcp: () => true });
  const stop = (sig: string, mode: string) => {
    log(`received ${mode} shutdown request`);
    log('aborting any active transactions');
    log('database system is shut down');
    void sig;
    ctx.end(0);
  };
  ctx.trap('SIGINT', () => stop('SIGINT', 'fast'));
  ctx.trap('SIGTERM', () => stop('SIGTERM', 'smart'));
  return ctx.forever();
};

/** The pause container: holds the pod's namespaces, exits on SIGTERM/SIGINT. */
export const pause: Program = async (ctx) => {
  ctx.trap('SIGTERM', () => ctx.end(0));
  ctx.trap('SIGINT', () => ctx.end(0));
  return ctx.forever();
};

/** CoreDNS: listens on 53, answers /health on 8080 and /ready on 8181. */
export const coredns: Program = async (ctx) => {
  ctx.io.stdout(`.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-${ctx.host.image.version}\nlinux/amd64, go1.21.11, a6338e9\n`);
  ctx.host.listen(53, { tcp: () => true });
  ctx.host.listen(8080, { tcp: () => true, http: (req) => (req.path === '/health' ? { status: 200, headers: {}, body: 'OK' } : { status: 404, headers: {}, body: '404 page not found\n' }) });
  ctx.host.listen(8181, { tcp: () => true, http: (req) => (req.path === '/ready' ? { status: 200, headers: {}, body: 'OK' } : { status: 404, headers: {}, body: '404 page not found\n' }) });
  ctx.host.listen(9153, { tcp: () => true });
  ctx.trap('SIGTERM', () => {
    ctx.io.stdout('[INFO] SIGTERM: Shutting down servers then terminating\n');
    ctx.end(0);
  });
  return ctx.forever();
};

/** A klog header: `I0301 09:00:03.123456       1 `. */
function klog(ms: number): string {
  const d = new Date(ms);
  return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000       1 `;
}

/** A control-plane component (etcd, kube-apiserver...): logs its start, runs until SIGTERM. */
export const daemon: Program = async (ctx: ProcessContext) => {
  const name = (ctx.argv[0] ?? '').split('/').pop() ?? '';
  ctx.io.stderr(`${klog(ctx.now())}server.go:${100 + name.length * 7}] "Starting ${name}" version="${ctx.host.image.version}"\n`);
  ctx.trap('SIGTERM', () => ctx.end(0));
  ctx.trap('SIGINT', () => ctx.end(0));
  return ctx.forever();
};
