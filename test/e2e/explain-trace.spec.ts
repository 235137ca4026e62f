// The scheduler explainer (a pod's drawer) and the trace view, with their screenshots in both
// languages and both colour schemes.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { createPod, deletePod, uniqueName, useLocale, watchForProblems } from './helpers';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const NODE_SELECTOR_REASON = "node(s) didn't match Pod's node affinity/selector";

watchForProblems();

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('explains why a pod with an impossible nodeSelector stays Pending', async ({ page }) => {
  const pod = uniqueName('picky');
  await createPod(page.request, pod, { nodeSelector: { disktype: 'holographic' } });
  try {
    const chip = page.locator(`[data-testid="unscheduled"] [data-testid="pod"][data-pod="default/${pod}"]`);
    await expect(chip).toHaveAttribute('data-phase', 'Pending');
    for (const locale of ['en', 'zh-CN'] as const) {
      if (locale !== 'en') await useLocale(page, locale);
      await chip.getByRole('button').click();
      const drawer = page.getByTestId('explain-drawer');
      await expect(drawer).toBeVisible();
      await expect(drawer.getByTestId('explain-close')).toBeFocused();
      await expect(drawer.getByTestId('pod-details')).toContainText('disktype=holographic');
      await expect(drawer.getByTestId('explain-result')).toHaveAttribute('data-result', 'Unschedulable');
      const workers = drawer.locator('[data-testid="explain-row"][data-outcome="filtered"]', { hasText: NODE_SELECTOR_REASON });
      await expect(workers).toHaveCount(2);
      await expect(workers.first().getByTestId('explain-reason')).toContainText('NodeAffinity');
      await expect(drawer.getByTestId('explain-message')).toContainText(`0/3 nodes are available`);
      await expect(drawer.getByTestId('explain-message')).toContainText(NODE_SELECTOR_REASON);
      await shoot(page, `explainer-${locale}`);
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(chip.getByRole('button')).toBeFocused();
    }
  } finally {
    await deletePod(page.request, pod);
  }
});

test('shows the winner of a scheduled pod with the scores per plugin', async ({ page }) => {
  const pod = uniqueName('placed');
  await createPod(page.request, pod);
  try {
    const chip = page.locator(`[data-testid="node-card"][data-role="worker"] [data-testid="pod"][data-pod="default/${pod}"]`);
    await expect(chip).toHaveCount(1);
    const node = await chip.locator('xpath=ancestor::*[@data-testid="node-card"]').getAttribute('data-node');
    await chip.getByRole('button').click();
    const drawer = page.getByTestId('explain-drawer');
    await expect(drawer.getByTestId('explain-result')).toHaveAttribute('data-result', 'Scheduled');
    const winner = drawer.locator('[data-testid="explain-row"][data-selected="true"]');
    await expect(winner).toHaveCount(1);
    await expect(winner).toHaveAttribute('data-node', node ?? '');
    await expect(drawer.locator('[data-testid="explain-row"][data-outcome="filtered"]', { hasText: 'untolerated taint' })).toHaveCount(1);
    await drawer.getByTestId('explain-close').click();
    await expect(drawer).toBeHidden();
  } finally {
    await deletePod(page.request, pod);
  }
});

test('traces a new pod through the API server and etcd', async ({ page }) => {
  const pod = uniqueName('traced');
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByTestId('trace-view')).toBeVisible();
  await createPod(page.request, pod);
  try {
    await page.getByTestId('trace-search').fill(pod);
    const events = page.getByTestId('trace-event');
    await expect(events.and(page.locator('[data-component="etcd"][data-action="write"]')).first()).toBeVisible();
    await expect(events.and(page.locator('[data-component="kube-apiserver"]')).first()).toBeVisible();
    await expect(events.and(page.locator(`[data-object*="/pods/${pod}"]`)).first()).toBeVisible();

    await page.getByTestId('trace-component').selectOption('etcd');
    await expect(events.first()).toBeVisible();
    expect(await events.evaluateAll((rows) => rows.every((row) => row.getAttribute('data-component') === 'etcd'))).toBe(true);
    await page.getByTestId('trace-component').selectOption('');
    await page.getByTestId('trace-search').fill('');

    for (const locale of ['en', 'zh-CN'] as const) {
      if (locale !== 'en') {
        await useLocale(page, locale);
        await page.getByRole('tab', { name: '追踪' }).click();
      }
      await expect(events.first()).toBeVisible();
      await shoot(page, `trace-${locale}`);
    }
  } finally {
    await deletePod(page.request, pod);
  }
});

test('moves between the dashboard tabs with the arrow keys', async ({ page }) => {
  const nodes = page.getByRole('tab', { name: 'Nodes' });
  await nodes.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Trace' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trace-view')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(nodes).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('node-card').first()).toBeVisible();
});
