// The virtual clock's controls and the fault buttons (stop/start a component or a node).
import { expect, test } from '@playwright/test';
import { createPod, deletePod, labPost, uniqueName, watchForProblems } from './helpers';

watchForProblems();

test('pauses the clock and steps it by one minute', async ({ page }) => {
  const time = page.getByTestId('clock-time');
  await expect(time).toBeVisible();
  try {
    await page.getByRole('button', { name: 'Pause the clock' }).click();
    await expect(time).toHaveAttribute('data-paused', 'true');
    await expect(page.getByRole('button', { name: 'Resume the clock' })).toBeVisible();
    const before = Number(await time.getAttribute('data-virtual'));
    const shownBefore = (await time.textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Advance the clock by 1 minute' }).click();
    await expect(time).toHaveAttribute('data-virtual', String(before + 60_000));
    const expected = new Date(before + 60_000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
    await expect(time).toHaveText(expected);
    expect(shownBefore).not.toBe(expected);

    // Still paused: the time stands still.
    await page.waitForTimeout(1500);
    await expect(time).toHaveAttribute('data-virtual', String(before + 60_000));

    await page.getByRole('button', { name: 'Run the clock at 10×' }).click();
    await expect(page.getByTestId('clock-speed')).toHaveValue('10');
    await page.getByTestId('clock-speed').selectOption('1');
    await expect(page.getByRole('button', { name: 'Run the clock at 1×' })).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await labPost(page.request, '/lab/v1/clock', { action: 'resume' });
    await labPost(page.request, '/lab/v1/clock', { action: 'speed', speed: 1 });
  }
  await expect(time).toHaveAttribute('data-paused', 'false');
});

test('stops the scheduler from the dashboard: a new pod stays Pending until it starts again', async ({ page }) => {
  const pod = uniqueName('fault');
  const controlPlane = page.locator('[data-testid="node-card"][data-role="control-plane"]');
  const scheduler = controlPlane.locator('[data-testid="component"][data-component="kube-scheduler"]');
  const stop = page.getByRole('button', { name: 'Stop kube-scheduler' });
  const dialog = page.getByTestId('confirm-dialog');
  await expect(scheduler).toHaveAttribute('data-health', 'ok');
  try {
    // Escape cancels: nothing changes, the focus returns to the button.
    await stop.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Stop kube-scheduler?' })).toBeVisible();
    await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
    // Tab stays in the dialog.
    await page.keyboard.press('Tab');
    await expect(dialog.getByTestId('confirm-ok')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(stop).toBeFocused();
    await expect(scheduler).toHaveAttribute('data-health', 'ok');

    await stop.click();
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(scheduler).toHaveAttribute('data-health', 'stopped');
    await expect(page.getByRole('button', { name: 'Start kube-scheduler' })).toBeVisible();

    await createPod(page.request, pod);
    const chip = page.locator(`[data-testid="unscheduled"] [data-testid="pod"][data-pod="default/${pod}"]`);
    await expect(chip).toHaveAttribute('data-phase', 'Pending');
    // Ten more virtual seconds: nobody schedules it.
    await page.getByRole('button', { name: 'Advance the clock by 10 seconds' }).click();
    await page.waitForTimeout(1000);
    await expect(chip).toHaveAttribute('data-phase', 'Pending');

    await page.getByRole('button', { name: 'Start kube-scheduler' }).click();
    await dialog.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(scheduler).toHaveAttribute('data-health', 'ok');
    await expect(chip).toHaveCount(0);
    await expect(page.locator(`[data-testid="node-card"][data-role="worker"] [data-testid="pod"][data-pod="default/${pod}"]`)).toHaveCount(1);
  } finally {
    await labPost(page.request, '/lab/v1/faults', { kind: 'component', name: 'kube-scheduler', action: 'start' });
    await deletePod(page.request, pod);
  }
});

test('stops and starts a node’s kubelet', async ({ page }) => {
  const worker = page.locator('[data-testid="node-card"][data-role="worker"]').first();
  const name = (await worker.getAttribute('data-node')) ?? '';
  try {
    await page.getByRole('button', { name: `Stop the kubelet of node ${name}`, exact: true }).click();
    await page.getByTestId('confirm-ok').click();
    await expect(worker).toHaveAttribute('data-kubelet', 'Stopped');
    await expect(worker.locator('[data-testid="component"][data-component="kubelet"]')).toHaveAttribute('data-health', 'stopped');
    await page.getByRole('button', { name: `Start the kubelet of node ${name}`, exact: true }).click();
    await page.getByTestId('confirm-ok').click();
    await expect(worker).toHaveAttribute('data-kubelet', 'Running');
  } finally {
    await labPost(page.request, '/lab/v1/faults', { kind: 'node', name, action: 'start' });
  }
});
