// axe-core over the main views — the lab, the resources with the object drawer, the lesson
// player, the scheduler explainer, the shortcuts overlay — in both colour schemes: no serious
// or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createPod, deletePod, labPost, uniqueName, watchForProblems } from './helpers';

watchForProblems();
// axe takes seconds per analysis on the full page, and each view is analysed in both schemes.
test.describe.configure({ timeout: 180_000 });

/** The serious and critical violations on the page, one line each (rule, target, summary). */
async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ') ?? v.help}`));
}

async function bothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(100);
    found.push(...(await serious(page)).map((v) => `[${scheme}] ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

test('the lab view', async ({ page }) => {
  await expect(page.getByTestId('node-card')).toHaveCount(3);
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  expect(await bothSchemes(page)).toEqual([]);
});

test('the resources view, the object drawer, the relations and the events', async ({ page }) => {
  await page.getByRole('tab', { name: 'Resources' }).click();
  await expect(page.getByTestId('resource-row').first()).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.getByTestId('resource-row').first().getByRole('button').click();
  await expect(page.getByTestId('yaml-text')).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.getByTestId('inspector-edit').click();
  await expect(page.getByTestId('yaml-edit-area')).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Relations' }).click();
  await expect(page.getByTestId('relation-node').first()).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
});

test('the lesson player and the chapter list', async ({ page }) => {
  await expect(page.getByTestId('lesson').first()).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await labPost(page.request, '/lab/v1/lessons/01-architecture/start', {});
  await page.locator('[data-testid="lesson"][data-lesson="01-architecture"]').getByTestId('lesson-open').click();
  await expect(page.getByTestId('lesson-player')).toBeVisible();
  await page.getByTestId('hint-next').click();
  await expect(page.getByTestId('hint')).toHaveCount(1);
  expect(await bothSchemes(page)).toEqual([]);
});

test('the scheduler explainer and the shortcuts overlay', async ({ page }) => {
  const pod = uniqueName('axe');
  await createPod(page.request, pod, { nodeSelector: { disktype: 'holographic' } });
  try {
    const chip = page.locator(`[data-testid="unscheduled"] [data-testid="pod"][data-pod="default/${pod}"]`);
    await chip.getByRole('button').click();
    await expect(page.getByTestId('explain-result')).toHaveAttribute('data-result', 'Unschedulable');
    expect(await bothSchemes(page)).toEqual([]);
    await page.keyboard.press('Escape');
  } finally {
    await deletePod(page.request, pod);
  }
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  expect(await bothSchemes(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
  // `?` outside a text field opens it too.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-close')).toBeFocused();
});
