// The object drawer (edit and save its YAML: a 422 placed on its line, a 409 conflict; its
// events, conditions, owners and dependents; "describe in terminal"), the relations view and
// the events stream.
import { expect, test, type Page } from '@playwright/test';
import { createObject, createPod, deleteObject, deletePod, patchObject, terminalText, uniqueName, watchForProblems } from './helpers';

watchForProblems();

async function openPodInResources(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Resources' }).click();
  const view = page.getByTestId('resources-view');
  await view.getByTestId('resources-search').fill(name);
  const row = view.getByTestId('resource-row').and(page.locator(`[data-key="default/${name}"]`));
  await row.getByRole('button').click();
  await expect(page.getByTestId('yaml-drawer')).toBeVisible();
}

test('edits a pod’s YAML: saves a label, places a 422 on its line, reports a 409 conflict', async ({ page }) => {
  const pod = uniqueName('edited');
  await createPod(page.request, pod);
  try {
    await openPodInResources(page, pod);
    const drawer = page.getByTestId('yaml-drawer');
    await expect(drawer.getByTestId('yaml-text')).toContainText(`name: ${pod}`);
    await expect(drawer.getByTestId('yaml-text')).not.toContainText('managedFields');

    // A label added and saved.
    await drawer.getByTestId('inspector-edit').click();
    const area = drawer.getByTestId('yaml-edit-area');
    await expect(area).toBeFocused();
    const text = await area.inputValue();
    await area.fill(text.replace('    test: e2e\n', '    test: e2e\n    tier: edited\n'));
    await drawer.getByTestId('yaml-save').click();
    await expect(drawer.getByTestId('yaml-text')).toContainText('tier: edited');
    await expect(page.getByTestId('toast').filter({ hasText: `Saved pods/${pod}` })).toBeVisible();

    // An image removed: the API server's 422 names spec.containers[0].image, shown on its line.
    await drawer.getByTestId('inspector-edit').click();
    const before = await area.inputValue();
    const edited = before.replace(/image: nginx:1\.27$/m, 'image: ""');
    expect(edited).not.toBe(before);
    await area.fill(edited);
    await drawer.getByTestId('yaml-save').click();
    const problem = drawer.getByTestId('yaml-problem').filter({ hasText: 'spec.containers[0].image' });
    await expect(problem).toBeVisible();
    const line = edited.split('\n').findIndex((l) => l.includes('image: ""')) + 1;
    await expect(problem).toHaveAttribute('data-line', String(line));
    await expect(drawer.locator(`.editor__line--bad[data-line="${line}"]`)).toBeVisible();

    // Someone else changes another label meanwhile: the edit still saves (as kubectl edit's patch).
    await area.fill(before.replace('    tier: edited\n', '    tier: mine\n'));
    await patchObject(page.request, `/api/v1/namespaces/default/pods/${pod}`, { metadata: { labels: { other: 'change' } } });
    await expect(drawer.getByText('The object has changed in the cluster')).toBeVisible();
    await drawer.getByTestId('yaml-save').click();
    await expect(drawer.getByTestId('yaml-text')).toContainText('tier: mine');
    await expect(drawer.getByTestId('yaml-text')).toContainText('other: change');

    // …but the same label: a conflict, with the advice to reload.
    await drawer.getByTestId('inspector-edit').click();
    await area.fill((await area.inputValue()).replace('    tier: mine\n', '    tier: again\n'));
    await patchObject(page.request, `/api/v1/namespaces/default/pods/${pod}`, { metadata: { labels: { tier: 'theirs' } } });
    await drawer.getByTestId('yaml-save').click();
    await expect(drawer.getByTestId('yaml-problems')).toHaveAttribute('data-state', 'conflict');
    await drawer.getByTestId('yaml-reload').click();
    await expect(area).toHaveValue(/tier: theirs/);
    await drawer.getByTestId('yaml-cancel').click();
    await expect(drawer.getByTestId('yaml-text')).toContainText('tier: theirs');

    // Saving without a change is cancelled, as kubectl edit says.
    await drawer.getByTestId('inspector-edit').click();
    await drawer.getByTestId('yaml-save').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'no changes made' })).toBeVisible();
  } finally {
    await deletePod(page.request, pod);
  }
});

test('shows a pod’s events, conditions and owners, and describes it in the terminal', async ({ page }) => {
  const name = uniqueName('owned');
  await createObject(page.request, '/apis/apps/v1/namespaces/default/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
  try {
    await page.getByRole('tab', { name: 'Relations' }).click();
    const view = page.getByTestId('relations-view');
    const deployment = view.locator(`[data-testid="relation-node"][data-kind="Deployment"][data-name="${name}"]`);
    await expect(deployment).toBeVisible();
    const rs = deployment.locator('[data-testid="relation-node"][data-kind="ReplicaSet"]');
    await expect(rs).toHaveCount(1);
    const pod = rs.locator('[data-testid="relation-node"][data-kind="Pod"]');
    await expect(pod).toHaveCount(1);
    await expect(pod).toContainText('Running');
    const podName = (await pod.getAttribute('data-name')) ?? '';
    await pod.getByRole('button').click();

    const drawer = page.getByTestId('yaml-drawer');
    await expect(drawer).toBeVisible();
    await drawer.getByTestId('inspector-tab-events').click();
    await expect(drawer.locator('[data-testid="object-event"][data-reason="Scheduled"]')).toBeVisible();
    await drawer.getByTestId('inspector-tab-conditions').click();
    await expect(drawer.locator('[data-testid="object-condition"][data-type="Ready"]')).toHaveAttribute('data-status', 'True');
    await drawer.getByTestId('inspector-tab-related').click();
    const owner = drawer.getByTestId('link-owners');
    await expect(owner).toHaveAttribute('data-ref', /^replicaset\//);
    await owner.click();
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText('replicasets/default/');
    await drawer.getByTestId('inspector-tab-related').click();
    await expect(drawer.getByTestId('link-dependents')).toHaveAttribute('data-ref', `pod/${podName}`);
    await expect(drawer.getByTestId('link-owners')).toHaveAttribute('data-ref', `deployment/${name}`);
    await drawer.getByTestId('link-dependents').click();

    await drawer.getByTestId('inspector-describe').click();
    await expect(drawer).toBeHidden();
    await expect.poll(() => terminalText(page)).toContain(`kubelab:default$ kubectl describe pod ${podName} -n default`);
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toMatch(/Events:/);
  } finally {
    await deleteObject(page.request, `/apis/apps/v1/namespaces/default/deployments/${name}`);
  }
});

test('relates a Service to its Endpoints and their pods', async ({ page }) => {
  const name = uniqueName('svc');
  const pod = `${name}-pod`;
  await createPod(page.request, pod);
  await createObject(page.request, '/api/v1/namespaces/default/services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { test: 'e2e' }, ports: [{ port: 80 }] },
  });
  try {
    await page.getByRole('tab', { name: 'Relations' }).click();
    const svc = page.locator(`[data-testid="relations-services"] [data-testid="relation-node"][data-kind="Service"][data-name="${name}"]`);
    await expect(svc).toBeVisible();
    await expect(svc.locator('[data-testid="relation-node"][data-kind="Endpoints"]')).toHaveAttribute('data-name', name);
    await expect(svc.locator(`[data-testid="relation-node"][data-kind="Pod"][data-name="${pod}"]`)).toBeVisible();
  } finally {
    await deleteObject(page.request, `/api/v1/namespaces/default/services/${name}`);
    await deletePod(page.request, pod);
  }
});

test('streams the events newest first, Warnings highlighted, filtered by namespace', async ({ page }) => {
  const pod = uniqueName('badimage');
  await createPod(page.request, pod, { containers: [{ name: 'app', image: 'nginx:doesnotexist' }] });
  try {
    await page.getByRole('tab', { name: 'Events' }).click();
    const view = page.getByTestId('events-view');
    const warning = view.locator('[data-testid="event-row"][data-type="Warning"]', { hasText: pod }).first();
    await expect(warning).toBeVisible({ timeout: 30_000 });
    await expect(warning).toHaveClass(/ev__item--warning/);
    await view.getByTestId('events-namespace').selectOption('kube-system');
    await expect(view.locator('[data-testid="event-row"]', { hasText: pod })).toHaveCount(0);
    await view.getByTestId('events-namespace').selectOption('default');
    await view.getByTestId('events-warnings').check();
    const rows = view.getByTestId('event-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.evaluateAll((els) => els.every((el) => el.getAttribute('data-type') === 'Warning' && el.getAttribute('data-namespace') === 'default'))).toBe(true);
    // Newest first: the times shown never increase down the list.
    const times = await view.locator('.ev__meta').allTextContents();
    const stamps = times.map((t) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(t)?.[0] ?? '');
    expect([...stamps].sort().reverse()).toEqual(stamps);
  } finally {
    await deletePod(page.request, pod);
  }
});
