// Shared by the browser tests: the host's URL and token, Kubernetes API calls through
// Playwright's request context, and the check that no page error or CSP violation happened.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

/** The lab's URL (`http://127.0.0.1:PORT/?token=TOKEN`), set by the global setup. */
export function labUrl(): string {
  const url = process.env.KUBELAB_URL;
  if (!url) throw new Error('KUBELAB_URL is not set: run the tests with `npm run test:e2e`');
  return url;
}

/** The host's origin and bearer token. */
export function host(): { origin: string; token: string } {
  const url = new URL(labUrl());
  return { origin: url.origin, token: url.searchParams.get('token') ?? '' };
}

function headers(): Record<string, string> {
  return { Authorization: `Bearer ${host().token}`, Accept: 'application/json' };
}

/** Creates a pod in `default` through the Kubernetes API, as kubectl would. */
export async function createPod(request: APIRequestContext, name: string, spec: Record<string, unknown> = {}): Promise<void> {
  const res = await request.post(`${host().origin}/api/v1/namespaces/default/pods`, {
    headers: headers(),
    data: { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { test: 'e2e' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Deletes a pod in `default` at once (grace period 0); a missing pod is fine. */
export async function deletePod(request: APIRequestContext, name: string): Promise<void> {
  await request.delete(`${host().origin}/api/v1/namespaces/default/pods/${name}?gracePeriodSeconds=0`, { headers: headers() });
}

/** POSTs to the lab API. */
export async function labPost(request: APIRequestContext, path: string, body: unknown): Promise<unknown> {
  const res = await request.post(`${host().origin}${path}`, { headers: headers(), data: body });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

/** A name no other test run used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/**
 * Fails a test on an uncaught page error or a CSP violation, and opens the lab before each
 * test (call once at the top of a spec file).
 */
export function watchForProblems(): void {
  let problems: string[] = [];
  test.beforeEach(async ({ page }) => {
    problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    await page.goto(labUrl());
  });
  test.afterEach(() => {
    expect([...new Set(problems)]).toEqual([]);
  });
}

/** Opens the lab in `locale` (remembered in localStorage, as the language button does). */
export async function useLocale(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('kubelab.locale', l), locale);
  await page.reload();
}

/** POSTs an object to a Kubernetes API path (a create), expecting 201. */
export async function createObject(request: APIRequestContext, path: string, body: Record<string, unknown>): Promise<void> {
  const res = await request.post(`${host().origin}${path}`, { headers: headers(), data: body });
  expect(res.status(), await res.text()).toBe(201);
}

/** Merge-patches an object through the Kubernetes API, as `kubectl patch --type merge` does. */
export async function patchObject(request: APIRequestContext, path: string, body: Record<string, unknown>): Promise<void> {
  const res = await request.patch(`${host().origin}${path}`, { headers: { ...headers(), 'Content-Type': 'application/merge-patch+json' }, data: JSON.stringify(body) });
  expect(res.ok(), await res.text()).toBe(true);
}

/** Deletes an object through the Kubernetes API at once; a missing one is fine. */
export async function deleteObject(request: APIRequestContext, path: string): Promise<void> {
  await request.delete(`${host().origin}${path}?gracePeriodSeconds=0`, { headers: headers() });
}

/** The active terminal's text (renderer/src/components/terminal/TerminalPane.vue sets the hook). */
export function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (window as { __kubelabTerminalText?: () => string }).__kubelabTerminalText?.() ?? '');
}
