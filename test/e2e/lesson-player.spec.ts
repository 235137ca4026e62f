// The lesson player: lesson 01-architecture followed by its Run buttons with the checks ticking
// live, hints one at a time, the solution behind a confirmation, previous/next/reset, the
// language switch over every string of the player, and its screenshots.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { deleteObject, labPost, terminalText, useLocale, watchForProblems } from './helpers';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const HELLO = '/api/v1/namespaces/default/pods/hello';

watchForProblems();

/** Opens lesson 01-architecture from the chapter list (starting it afresh). */
async function openLesson(page: Page): Promise<Locator> {
  await labPost(page.request, '/lab/v1/lessons/01-architecture/start', {});
  await page.reload();
  const player = page.getByTestId('lesson-player');
  if (!(await player.isVisible())) {
    await page.locator('[data-testid="lesson"][data-lesson="01-architecture"]').getByTestId('lesson-open').click();
  }
  await expect(player).toBeVisible();
  await expect(player).toHaveAttribute('data-lesson', '01-architecture');
  return player;
}

function check(player: Locator, id: string): Locator {
  return player.locator(`[data-testid="check"][data-check="${id}"]`);
}

test('follows lesson 01-architecture with its Run buttons and sees every check tick', async ({ page }) => {
  test.setTimeout(120_000);
  await deleteObject(page.request, HELLO);
  await page.getByTestId('lesson-list').waitFor();
  await expect(page.locator('[data-testid="lesson"][data-lesson="01-architecture"]')).toBeVisible();
  const player = await openLesson(page);
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');

  // Step 1: kubectl get nodes.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '01-nodes');
  await expect(player.getByTestId('step-number')).toHaveText('Step 1 of 3');
  await expect(check(player, 'listed-nodes')).toHaveAttribute('data-passed', 'false');
  await player.getByTestId('code-run').first().click();
  await expect.poll(() => terminalText(page)).toMatch(/kubelab-worker2\s+Ready/);
  await expect(check(player, 'listed-nodes')).toHaveAttribute('data-passed', 'true');
  await expect(player.getByTestId('step-complete')).toHaveAttribute('data-complete', 'true');
  await player.getByTestId('step-next').click();

  // Step 2: the kube-system pods.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-control-plane');
  await player.getByTestId('code-run').first().click();
  await expect(check(player, 'listed-kube-system')).toHaveAttribute('data-passed', 'true');
  await player.getByTestId('step-next').click();

  // Step 3: one block of two commands; the checks tick one by one as the components act.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '03-first-pod');
  for (const id of ['pod-exists', 'pod-scheduled', 'pod-on-worker', 'pod-running']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await player.getByTestId('code-run').first().click();
  for (const id of ['pod-exists', 'pod-scheduled', 'pod-on-worker', 'pod-running']) {
    await expect(check(player, id)).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
  }
  await expect.poll(() => terminalText(page)).toContain('pod/hello created');
  await expect(player.getByTestId('lesson-finished')).toBeVisible();

  await player.getByTestId('player-done').click();
  await expect(page.locator('[data-testid="lesson"][data-lesson="01-architecture"]')).toHaveAttribute('data-state', 'done');
  await deleteObject(page.request, HELLO);
});

test('reveals hints one at a time, shows the solution after a confirmation, moves back and resets', async ({ page }) => {
  const player = await openLesson(page);
  await labPost(page.request, '/lab/v1/commands', { line: 'kubectl get nodes' });
  await expect(player.getByTestId('step-complete')).toHaveAttribute('data-complete', 'true');
  await player.getByTestId('step-next').click();
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-control-plane');

  const hints = player.getByTestId('hint');
  await expect(hints).toHaveCount(0);
  await player.getByTestId('hint-next').click();
  await expect(hints).toHaveCount(1);
  await expect(hints.first()).toContainText('-n kube-system');
  await player.getByTestId('hint-next').click();
  await expect(hints).toHaveCount(2);
  await expect(player.getByTestId('hint-next')).toBeDisabled();

  await player.getByTestId('solution-show').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-cancel').click();
  await expect(player.getByTestId('solution')).toHaveCount(0);
  await player.getByTestId('solution-show').click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(player.getByTestId('solution')).toContainText('kubectl get pods -n kube-system -o wide');

  // Back: step 1 is still done; forward again: step 2 resumes with its hints.
  await player.getByTestId('step-previous').click();
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '01-nodes');
  await expect(check(player, 'listed-nodes')).toHaveAttribute('data-passed', 'true');
  await player.getByTestId('step-next').click();
  await expect(hints).toHaveCount(2);

  // Reset the step (confirmed): its hints are gone.
  await player.getByTestId('reset-step').click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(hints).toHaveCount(0);
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-control-plane');

  // Restart the lesson: step 1 again, not yet done.
  await player.getByTestId('reset-lesson').click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '01-nodes');
  await expect(check(player, 'listed-nodes')).toHaveAttribute('data-passed', 'false');

  // The chapter list shows where the lesson stands.
  await player.getByTestId('player-back').click();
  await expect(page.locator('[data-testid="lesson"][data-lesson="01-architecture"] [data-testid="lesson-state"]')).toHaveText('Step 1 of 3');
});

/** The text nodes a reader sees in `root` (code, commands and names excluded), trimmed. */
function readableTexts(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest('pre, code, [translate="no"]')) continue;
      if (!parent.checkVisibility() && !parent.closest('.sr-only')) continue;
      out.push(text);
    }
    return out;
  });
}

/** A phrase of Latin words (two or more) without any Chinese character. */
const untranslated = (text: string) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text) && !/[\u3400-\u9fff]/.test(text);

test('the language switch changes every string of the lesson player', async ({ page }) => {
  const player = await openLesson(page);
  await labPost(page.request, '/lab/v1/commands', { line: 'kubectl get nodes' });
  await player.getByTestId('hint-next').click();
  await expect(player.getByTestId('hint')).toHaveCount(1);
  await expect(player.getByTestId('step-complete')).toHaveAttribute('data-complete', 'true');

  const english = (await readableTexts(player)).filter(untranslated);
  expect(english).toContain('The nodes of the cluster');
  expect(english).toContain('List the nodes with kubectl get nodes.');

  await page.getByTestId('language-switch').click();
  await expect(player.getByTestId('step-number')).toHaveText('第 1 / 3 步');
  await expect(player.getByRole('heading', { name: '集群中的节点' })).toBeVisible();
  const chinese = await readableTexts(player);
  expect(chinese.filter(untranslated)).toEqual([]);
  expect(english.filter((text) => chinese.includes(text))).toEqual([]);

  await page.getByTestId('language-switch').click();
  await expect(player.getByTestId('step-number')).toHaveText('Step 1 of 3');
});

test('screenshots of the lesson player, light and dark, English and Chinese', async ({ page }) => {
  // A wider lesson pane than the default, as a student following a lesson would drag it.
  await page.evaluate(() => localStorage.setItem('kubelab.paneSizes', JSON.stringify([36, 36, 28])));
  const player = await openLesson(page);
  await labPost(page.request, '/lab/v1/commands', { line: 'kubectl get nodes' });
  await player.getByTestId('step-next').click();
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-control-plane');
  await player.getByTestId('hint-next').click();
  await expect(player.getByTestId('hint')).toHaveCount(1);
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== 'en') {
      await useLocale(page, locale);
      await expect(page.getByTestId('lesson-player')).toBeVisible();
      await expect(page.getByTestId('hint')).toHaveCount(1);
    }
    await page.getByTestId('terminal').click();
    await page.keyboard.type('kubectl get pods -n kube-system');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('etcd-kubelab-control-plane');
    await expect(page.locator('[data-testid="check"][data-check="listed-kube-system"]')).toHaveAttribute('data-passed', 'true');
    await page.getByTestId('step').evaluate((el) => el.scrollTo(0, 0));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(SCREENSHOTS, `lesson-player-${locale}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await page.evaluate(() => localStorage.removeItem('kubelab.paneSizes'));
});
