// Shared by the browser tests: the host's URL and token, Kubernetes API calls through
// Playwright's request context, and the check that no page error or CSP violation happened.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

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

/** GETs a lab API path; fails the test on an error answer. */
export async function labGet(request: APIRequestContext, path: string): Promise<unknown> {
  const res = await request.get(`${host().origin}${path}`, { headers: headers() });
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

/** The lines of the active terminal, trailing blanks dropped. */
async function terminalLines(page: Page): Promise<string[]> {
  const lines = (await terminalText(page)).split('\n').map((line) => line.trimEnd());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines;
}

/** A shell prompt (`kubelab:NAMESPACE$`), alone or followed by what was typed after it. */
const PROMPT = /^kubelab:\S*\$(?: (.*))?$/;

/**
 * Types `line` into the terminal key by key, as a student would, presses Enter and waits for
 * the command to end: its line echoed after a prompt, then a new, empty prompt.
 */
export async function typeCommand(page: Page, line: string, options: { timeout?: number } = {}): Promise<void> {
  const echoed = (lines: string[]) => lines.filter((l) => PROMPT.exec(l)?.[1]?.trim() === line).length;
  await expect.poll(async () => (await terminalLines(page)).at(-1) ?? '').toMatch(PROMPT);
  const before = echoed(await terminalLines(page));
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect
    .poll(
      async () => {
        const lines = await terminalLines(page);
        return echoed(lines) > before && /^kubelab:\S*\$$/.test(lines.at(-1) ?? '');
      },
      { timeout: options.timeout ?? 30_000, message: `\`${line}\` ends with a new prompt` },
    )
    .toBe(true);
}

/** What the last run of `line` printed (the prompt after it left out). */
export async function outputOf(page: Page, line: string): Promise<string> {
  const lines = await terminalLines(page);
  const at = lines.findLastIndex((l) => PROMPT.exec(l)?.[1]?.trim() === line);
  if (at < 0) return '';
  const end = lines.findIndex((l, i) => i > at && PROMPT.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

/** Starts lesson `id` afresh through the lab API and opens it in the lesson player. */
export async function openLesson(page: Page, id: string): Promise<Locator> {
  await labPost(page.request, `/lab/v1/lessons/${id}/start`, {});
  await page.reload();
  const player = page.getByTestId('lesson-player');
  if (!(await player.isVisible())) await page.locator(`[data-testid="lesson"][data-lesson="${id}"]`).getByTestId('lesson-open').click();
  await expect(player).toHaveAttribute('data-lesson', id);
  return player;
}

/** Deletes the objects of a collection path (`/api/v1/namespaces/default/pods`) matching a label selector, at once. */
export async function deleteAll(request: APIRequestContext, path: string, labelSelector: string): Promise<void> {
  await request.delete(`${host().origin}${path}?labelSelector=${encodeURIComponent(labelSelector)}&gracePeriodSeconds=0`, { headers: headers() });
}

/** The check `id` of the lesson player's current step. */
export function lessonCheck(player: Locator, id: string): Locator {
  return player.locator(`[data-testid="check"][data-check="${id}"]`);
}

/** Waits for every check of the current step to tick, then for the step to be complete. */
export async function allTick(player: Locator, ids: string[]): Promise<void> {
  for (const id of ids) await expect(lessonCheck(player, id), `check ${id}`).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
  await expect(player.getByTestId('step-complete')).toHaveAttribute('data-complete', 'true');
}
