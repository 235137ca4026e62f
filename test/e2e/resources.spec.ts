// The resources view: a table per kind with a namespace filter and a search, and the YAML drawer.
import { expect, test } from '@playwright/test';
import { watchForProblems } from './helpers';

watchForProblems();

test('lists the pods of kube-system, finds etcd and shows its YAML', async ({ page }) => {
  await page.getByRole('tab', { name: 'Resources' }).click();
  const view = page.getByTestId('resources-view');
  await expect(view).toBeVisible();
  const rows = view.getByTestId('resource-row');
  await expect(rows.first()).toBeVisible();
  await view.getByTestId('resources-namespace').selectOption('kube-system');
  await expect(rows.first()).toHaveAttribute('data-key', /^kube-system\//);
  await view.getByTestId('resources-search').fill('etcd');
  const etcd = rows.and(page.locator('[data-key^="kube-system/etcd-"]'));
  await expect(etcd).toHaveCount(1);
  await etcd.getByRole('button').click();
  const drawer = page.getByTestId('yaml-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('yaml-text')).toContainText('kind: Pod');
  await expect(drawer.getByTestId('yaml-text')).toContainText('namespace: kube-system');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await view.getByTestId('resources-kind').selectOption('nodes');
  await expect(view.getByTestId('resources-namespace')).toHaveCount(0);
  await view.getByTestId('resources-search').fill('');
  await expect(rows).toHaveCount(3);
});
