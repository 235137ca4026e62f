/**
 * The health endpoints of kube-apiserver (k8s.io/apiserver pkg/server/healthz): `/healthz`,
 * `/livez` and `/readyz` answer `ok` (text/plain); `?verbose` lists every check as
 * `[+]name ok` and ends with `<endpoint> check passed`; `?exclude=name` skips a check
 * (`[+]name excluded: ok`, and a warning for names that match none); `/livez/<check>` runs one
 * check. The checks are those a 1.32 kube-apiserver installs; in the simulation they always pass.
 */
import { pathNotFound } from '../api/status';
import type { ApiResponse } from './request';
import { utf8Encode } from '../api/protobuf/text';

const COMMON = ['ping', 'log', 'etcd'];
const HOOKS = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector',
  'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'bootstrap-controller',
  'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers',
  'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller',
  'apiservice-registration-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((h) => `poststarthook/${h}`);

/** The checks of each endpoint, in the order kube-apiserver lists them. */
export const HEALTH_CHECKS: Record<'healthz' | 'livez' | 'readyz', readonly string[]> = {
  healthz: [...COMMON, ...HOOKS, 'autoregister-completion', 'poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller'],
  livez: [...COMMON, ...HOOKS, 'autoregister-completion', 'poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller'],
  readyz: [...COMMON, 'etcd-readiness', 'informer-sync', ...HOOKS, 'autoregister-completion', 'poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller', 'shutdown'],
};

function text(status: number, body: string): ApiResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }, body: utf8Encode(body) };
}

/** The answer of a health endpoint, or undefined when `path` is none (404 for a check that does not exist). */
export function healthResponse(path: string, query: Record<string, string>): ApiResponse | undefined {
  const m = /^\/(healthz|livez|readyz)(?:\/(.+))?$/.exec(path);
  if (!m) return undefined;
  const endpoint = m[1] as keyof typeof HEALTH_CHECKS;
  const checks = HEALTH_CHECKS[endpoint];
  const one = m[2];
  if (one !== undefined) {
    if (!checks.includes(one)) throw pathNotFound();
    return text(200, 'ok');
  }
  if (!('verbose' in query)) return text(200, 'ok');
  const excluded = new Set((query['exclude'] ?? '').split(',').filter((c) => c !== ''));
  let out = '';
  for (const check of checks) {
    if (excluded.delete(check)) out += `[+]${check} excluded: ok\n`;
    else out += `[+]${check} ok\n`;
  }
  if (excluded.size > 0) out += `warn: some health checks cannot be excluded: no matches for ${[...excluded].sort().map((c) => JSON.stringify(c)).join(',')}\n`;
  return text(200, `${out}${endpoint} check passed\n`);
}
