// The clusters and snapshots menu: save the running cluster as a .kubelab file, open it again
// as a new cluster (by the file input and by drag and drop), switch back, delete it.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { labGet, labPost, watchForProblems } from './helpers';

watchForProblems();

async function openMenu(page: Page): Promise<void> {
  if ((await page.getByTestId('clusters-menu').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('clusters-menu').click();
  await expect(page.getByTestId('clusters-panel')).toBeVisible();
}

/** Drops a file onto the window, as a file manager would. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return dt;
    },
    { name, data: bytes.toString('base64') },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('saves a snapshot, opens it as a new cluster, switches back and deletes it', async ({ page }, testInfo) => {
  const opened: string[] = [];
  try {
    await expect(page.getByTestId('cluster-name')).toHaveText(/default/);
    await openMenu(page);
    const items = page.getByTestId('cluster-item');
    await expect(items.and(page.locator('[data-current="true"]'))).toHaveAttribute('data-cluster', 'default');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('snapshot-save').click()]);
    expect(download.suggestedFilename()).toMatch(/\.kubelab$/);
    const file = join(testInfo.outputDir, download.suggestedFilename());
    await download.saveAs(file);

    await page.getByTestId('snapshot-file').setInputFiles(file);
    await expect(page.getByTestId('toast').and(page.locator('[data-kind="info"]')).filter({ hasText: 'Opened the snapshot' })).toBeVisible();
    const current = items.and(page.locator('[data-current="true"]'));
    await expect(current).not.toHaveAttribute('data-cluster', 'default');
    const name = (await current.getAttribute('data-cluster')) ?? '';
    opened.push(name);
    await expect(page.getByTestId('cluster-name')).toContainText(name);
    // The stores listed the new cluster again.
    await expect(page.getByTestId('node-card')).toHaveCount(3);
    await expect(page.locator('[data-testid="node-card"][data-ready="True"]')).toHaveCount(3);

    // A bad file: the host's message in an alert.
    await page.getByTestId('snapshot-file').setInputFiles({ name: 'broken.kubelab', mimeType: 'application/gzip', buffer: Buffer.from('not a snapshot') });
    const alert = page.getByTestId('toast').and(page.locator('[data-kind="error"]'));
    await expect(alert).toBeVisible();
    await expect(alert).not.toHaveText('');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);

    // Drag and drop opens it too.
    await page.keyboard.press('Escape');
    await dropFile(page, 'copy.kubelab', await readFile(file));
    await expect(page.getByTestId('toast').filter({ hasText: 'Opened the snapshot' })).toHaveCount(2);
    await openMenu(page);
    const dropped = (await current.getAttribute('data-cluster')) ?? '';
    expect(dropped).not.toBe(name);
    opened.push(dropped);

    // Switch back, then delete the copies (behind a confirmation).
    await page.getByRole('button', { name: 'Switch to cluster default', exact: true }).click();
    await expect(current).toHaveAttribute('data-cluster', 'default');
    await expect(page.getByTestId('cluster-name')).toContainText('default');
    for (const copy of opened) {
      await page.getByRole('button', { name: `Delete cluster ${copy}`, exact: true }).click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await page.getByTestId('confirm-ok').click();
      await expect(items.and(page.locator(`[data-cluster="${copy}"]`))).toHaveCount(0);
    }
    await expect(page.getByTestId('node-card')).toHaveCount(3);
  } finally {
    await labPost(page.request, '/lab/v1/clusters/default/use', {});
  }
});

test('creates a cluster from the menu and refuses a taken name', async ({ page }) => {
  const name = `made-${Date.now().toString(36)}`;
  await openMenu(page);
  const form = page.getByTestId('cluster-create');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Worker nodes').fill('1');
  await form.getByLabel('Seed').fill('7');
  await form.getByRole('button', { name: 'Create' }).click();
  const item = page.locator(`[data-testid="cluster-item"][data-cluster="${name}"]`);
  await expect(item).toContainText('1 worker(s), seed 7');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('toast').and(page.locator('[data-kind="error"]'))).toBeVisible();
  await page.getByRole('button', { name: `Delete cluster ${name}`, exact: true }).click();
  await page.getByTestId('confirm-ok').click();
  await expect(item).toHaveCount(0);
});

test('creates a cluster of empty machines, to be built with kubeadm', async ({ page }) => {
  const name = `bare-${Date.now().toString(36)}`;
  await openMenu(page);
  const form = page.getByTestId('cluster-create');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Empty machines (build it with kubeadm)').check();
  await form.getByRole('button', { name: 'Create' }).click();
  const item = page.locator(`[data-testid="cluster-item"][data-cluster="${name}"]`);
  await expect(item).toBeVisible();
  const { items } = (await labGet(page.request, '/lab/v1/clusters')) as { items: { name: string; empty?: boolean }[] };
  expect(items.find((c) => c.name === name)?.empty).toBe(true);
  await expect(form.getByLabel('Empty machines (build it with kubeadm)')).not.toBeChecked();
  await page.getByRole('button', { name: `Delete cluster ${name}`, exact: true }).click();
  await page.getByTestId('confirm-ok').click();
  await expect(item).toHaveCount(0);
});
