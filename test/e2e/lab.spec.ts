// The lab in a browser against the real host: dashboard, terminal, language switch.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

declare global {
  interface Window {
    /** Set by renderer/src/components/terminal/TerminalPane.vue. */
    __kubelabTerminalText?: () => string;
  }
}

function labUrl(): string {
  const url = process.env.KUBELAB_URL;
  if (!url) throw new Error('KUBELAB_URL is not set: run the tests with `npm run test:e2e`');
  return url;
}

function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => window.__kubelabTerminalText?.() ?? '');
}

/** The rows printed after the last `kubectl get nodes` header. */
function nodeRows(text: string): string[] {
  const lines = text.split('\n');
  const header = lines.findLastIndex((line) => /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/.test(line.trim()));
  if (header < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(header + 1)) {
    if (!line.trim() || line.startsWith('kubelab:')) break;
    rows.push(line);
  }
  return rows;
}

let problems: string[] = [];

test.beforeEach(async ({ page }) => {
  // A CSP violation (xterm.js injects <style> elements) or an uncaught error fails the test.
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

test('shows the cluster, runs kubectl in the terminal and switches the language', async ({ page }) => {
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByTestId('node-card')).toHaveCount(3);
  await expect(page.locator('[data-testid="node-card"][data-role="control-plane"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="node-card"][data-role="worker"]')).toHaveCount(2);

  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  await expect.poll(() => terminalText(page)).toContain('kubelab:default$');
  await page.getByTestId('terminal').click();
  await page.keyboard.type('kubectl get nodes');
  await page.keyboard.press('Enter');
  await expect.poll(async () => nodeRows(await terminalText(page)).length).toBe(3);
  const rows = nodeRows(await terminalText(page));
  for (const row of rows) expect(row).toMatch(/^\S+\s+Ready\s/);
  await expect(page.locator('[data-testid="node-card"][data-ready="True"]')).toHaveCount(3);
  await page.screenshot({ path: join(SCREENSHOTS, 'lab-en.png') });

  const lessonsHeading = page.getByRole('heading', { level: 2, name: 'Lessons' });
  await expect(lessonsHeading).toBeVisible();
  await page.getByRole('button', { name: /Switch the language/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '课程' })).toBeVisible();
  await expect(lessonsHeading).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: join(SCREENSHOTS, 'lab-zh-CN.png') });

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '课程' })).toBeVisible();
});

test('shows the kube-system pods on the control-plane card', async ({ page }) => {
  const controlPlane = page.locator('[data-testid="node-card"][data-role="control-plane"]');
  await expect(controlPlane).toHaveCount(1);
  const nodeName = await controlPlane.getAttribute('data-node');
  for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const pod = controlPlane.locator(`[data-testid="pod"][data-pod="kube-system/${component}-${nodeName}"]`);
    await expect(pod).toHaveAttribute('data-phase', 'Running');
    await expect(controlPlane.locator(`[data-testid="component"][data-component="${component}"]`)).toHaveAttribute(
      'data-health',
      'ok',
    );
  }
});

test('reattaches the terminal to the same session after a reload', async ({ page }) => {
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  await page.getByTestId('terminal').click();
  await page.keyboard.type('echo reattach-marker');
  await expect.poll(() => terminalText(page)).toContain('reattach-marker');
  await page.reload();
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  await expect.poll(() => terminalText(page)).toContain('reattach-marker');

  await page.getByTestId('new-session').click();
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  await expect.poll(() => terminalText(page)).toContain('kubelab:default$');
  expect(await terminalText(page)).not.toContain('reattach-marker');
});
