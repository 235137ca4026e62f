/**
 * A client of a running lab's lab API, for the `kubelab` subcommands that act on it (`clock`,
 * `fault`, ...). It finds the lab through `DIR/kubeconfig` (server, token and CA), as
 * `kubelab shell` does.
 */
import { request } from 'node:https';
import { join, resolve } from 'node:path';
import { readKubeconfig } from '../host/kubeconfig';
import { defaultDataDir } from '../host/paths';
import type { OptionSpec } from './commands';

/** The `--data DIR` option of the subcommands that act on a running lab. */
export const DATA_OPTION: OptionSpec = { type: 'string', placeholder: 'DIR', help: `data directory of the running lab (default ${defaultDataDir()})` };

/**
 * Sends one lab API request to the lab of `dataDir` (a Buffer body is sent as `application/gzip`,
 * anything else as JSON); resolves with the answer (parsed when JSON, and raw), rejects with a
 * one-line Error.
 */
export function labRequest(dataDir: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; raw: Buffer }> {
  const dir = resolve(dataDir ?? defaultDataDir());
  const target = readKubeconfig(join(dir, 'kubeconfig'));
  const url = new URL(path, target.server);
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return new Promise((done, fail) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (target.token) headers.authorization = `Bearer ${target.token}`;
    if (payload !== undefined) headers['content-type'] = Buffer.isBuffer(payload) ? 'application/gzip' : 'application/json';
    const req = request(url, { method, headers, ...(target.ca ? { ca: target.ca } : {}), timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (!(res.headers['content-type'] ?? '').startsWith('application/json')) return done({ status: res.statusCode ?? 0, body: undefined, raw });
        try {
          done({ status: res.statusCode ?? 0, body: JSON.parse(raw.toString('utf8')) as unknown, raw });
        } catch {
          done({ status: res.statusCode ?? 0, body: raw.toString('utf8'), raw });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('the lab did not answer within 30 s')));
    req.on('error', (e: NodeJS.ErrnoException) => fail(new Error(e.code === 'ECONNREFUSED' ? `no lab is running for ${dir} (start it with "kubelab serve --data ${dir}")` : `cannot reach the lab of ${dir}: ${e.message}`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The message of a failed lab API answer (a Status). */
export function labError(body: unknown): string {
  const m = (body as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : JSON.stringify(body);
}
