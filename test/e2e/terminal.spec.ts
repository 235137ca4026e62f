// The terminal pane: tabs (each its own shell session), reattaching after a reload, tab
// completion, the scrollback search, paste, the remembered font size and the renderer.
import { expect, test, type Page } from '@playwright/test';
import { terminalText, watchForProblems } from './helpers';

watchForProblems();

async function typeLine(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  await expect.poll(() => terminalText(page)).toContain('kubelab:default$');
}

test('keeps each tab’s session through a reload, and closing a tab ends its shell', async ({ page }) => {
  await ready(page);
  const tabs = page.getByTestId('terminal-tab');
  await expect(tabs).toHaveCount(1);
  await typeLine(page, 'kubectl get pods first-tab-marker');
  await expect.poll(() => terminalText(page)).toContain('first-tab-marker');

  await page.getByTestId('new-session').click();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await ready(page);
  expect(await terminalText(page)).not.toContain('first-tab-marker');
  await typeLine(page, 'kubectl config set-context --current --namespace=kube-system');
  await expect.poll(() => terminalText(page)).toContain('kubelab:kube-system$');
  const sessions = await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-session')));
  expect(new Set(sessions).size).toBe(2);

  await page.reload();
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  expect(await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-session')))).toEqual(sessions);
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');
  // The same shell: its state (the namespace set before) and its scrollback.
  await typeLine(page, 'kubectl get pods after-reload');
  await expect.poll(() => terminalText(page)).toContain('kubelab:kube-system$ kubectl get pods after-reload');

  await tabs.nth(0).click();
  await expect.poll(() => terminalText(page)).toContain('first-tab-marker');

  // The tabs by keyboard: arrows move, Delete closes (and ends) the focused tab's shell.
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(tabs).toHaveCount(1);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(tabs).toHaveCount(1);
  await expect.poll(() => terminalText(page)).toContain('first-tab-marker');
});

test('completes a resource type with Tab', async ({ page }) => {
  await ready(page);
  await page.getByTestId('terminal').click();
  await page.keyboard.type('kubectl get po');
  await expect.poll(() => terminalText(page)).toContain('kubelab:default$ kubectl get po');
  // The shell asks the API server for the candidates: Tab again until it lists them (a
  // second Tab shows them all when there are several, as in bash).
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Tab');
        return terminalText(page);
      },
      { intervals: [700], timeout: 20_000 },
    )
    .toMatch(/\bpods\b/);
  await page.keyboard.press('Control+C');
});

test('searches the scrollback with Ctrl+Shift+F', async ({ page }) => {
  await ready(page);
  await typeLine(page, 'kubectl get pods needle-one');
  // One command at a time: text typed while a command runs is echoed amid its output (bash holds
  // typeahead back until the next prompt; the bundled shell does not yet), splitting the name.
  await expect.poll(() => terminalText(page)).toContain('pods "needle-one" not found');
  await typeLine(page, 'kubectl get pods needle-two');
  await expect.poll(() => terminalText(page)).toContain('needle-two');
  await page.keyboard.press('Control+Shift+F');
  const input = page.getByTestId('terminal-search-input');
  await expect(input).toBeFocused();
  await input.fill('needle-');
  // Each name at least twice: the command line and kubectl's NotFound error (the prompt's own lines may add more).
  await expect(page.getByTestId('terminal-search-count')).toHaveText(/^1 of ([4-9]|\d{2,})$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('terminal-search')).toHaveCount(0);
  await page.getByTestId('terminal-search-open').click();
  await expect(page.getByTestId('terminal-search-input')).toBeFocused();
  await page.getByTestId('terminal-search-input').fill('no-such-text-anywhere');
  await expect(page.getByTestId('terminal-search-count')).toHaveText('No match');
});

test('pastes with Ctrl+Shift+V and copies the selection with Ctrl+Shift+C', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page);
  await page.evaluate(() => navigator.clipboard.writeText('kubectl get pods pasted-text'));
  await page.getByTestId('terminal').click();
  await page.keyboard.press('Control+Shift+V');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toContain('pods "pasted-text" not found');

  // Select the output line with a double click on the word, then copy it.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const box = await page.getByTestId('terminal').boundingBox();
  expect(box).not.toBeNull();
  await page.getByTestId('terminal').locator('.xterm-screen').dblclick({ position: { x: 20, y: 10 } });
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
});

test('remembers the font size and draws with WebGL or the DOM renderer', async ({ page }) => {
  await ready(page);
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-renderer', /^(webgl|dom)$/);
  await page.getByTestId('terminal-font-size').selectOption('18');
  await page.reload();
  await expect(page.getByTestId('terminal-font-size')).toHaveValue('18');
  await page.getByTestId('terminal-font-size').selectOption('13');
});
