// Lesson 06-deployments followed as a student would: every step's commands typed into the
// terminal key by key, each check ticking live in the lesson player: create, roll out a new
// image, roll back, pause and resume, back to a chosen revision.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { allTick, deleteAll, lessonCheck, deleteObject, openLesson, outputOf, typeCommand, watchForProblems } from './helpers';

const WEB = '/apis/apps/v1/namespaces/default/deployments/web';

watchForProblems();

const check = lessonCheck;

async function cleanUp(request: APIRequestContext): Promise<void> {
  await deleteObject(request, WEB);
  await deleteAll(request, '/apis/apps/v1/namespaces/default/replicasets', 'app=web');
  await deleteAll(request, '/api/v1/namespaces/default/pods', 'app=web');
}

test('follows lesson 06-deployments by typing in the terminal and sees every check tick', async ({ page }) => {
  test.setTimeout(240_000);
  await cleanUp(page.request);
  const player = await openLesson(page, '06-deployments');
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');

  // Step 1: a Deployment of three nginx:1.25 pods, through one ReplicaSet.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '01-create');
  await expect(player.getByTestId('step-number')).toHaveText('Step 1 of 5');
  for (const id of ['available', 'three', 'rs']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
  expect(await outputOf(page, 'kubectl create deployment web --image=nginx:1.25 --replicas=3')).toContain('deployment.apps/web created');
  await allTick(player, ['available', 'three', 'rs']);
  await typeCommand(page, 'kubectl get deploy,rs,pods');
  expect(await outputOf(page, 'kubectl get deploy,rs,pods')).toMatch(/deployment\.apps\/web\s+3\/3\s+3\s+3\s/);
  await player.getByTestId('step-next').click();

  // Step 2: a new image, rolled out to a second ReplicaSet.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-rolling-update');
  for (const id of ['image', 'two-rs', 'done']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl set image deployment/web nginx=nginx:1.26');
  expect(await outputOf(page, 'kubectl set image deployment/web nginx=nginx:1.26')).toContain('deployment.apps/web image updated');
  // `rollout status` follows the rollout as kubectl does, a line per change, until it is done.
  await typeCommand(page, 'kubectl rollout status deployment/web', { timeout: 120_000 });
  const status = (await outputOf(page, 'kubectl rollout status deployment/web')).split('\n');
  expect(status.at(-1)).toBe('deployment "web" successfully rolled out');
  expect(status.length).toBeGreaterThan(1);
  for (const line of status.slice(0, -1)) expect(line).toMatch(/^Waiting for deployment (spec update to be observed|"web" rollout to finish: )/);
  await allTick(player, ['image', 'two-rs', 'done']);
  await typeCommand(page, 'kubectl get rs -l app=web');
  expect(await outputOf(page, 'kubectl get rs -l app=web')).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\n(web-[a-z0-9]+\s+[03]\s+[03]\s+[03]\s+\S+\n?){2}$/);
  await player.getByTestId('step-next').click();

  // Step 3: undo makes revision 3 from revision 1's template.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '03-rollback');
  for (const id of ['image', 'revision', 'done']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl rollout undo deployment/web');
  expect(await outputOf(page, 'kubectl rollout undo deployment/web')).toContain('deployment.apps/web rolled back');
  await allTick(player, ['image', 'revision', 'done']);
  await typeCommand(page, 'kubectl rollout history deployment/web');
  expect(await outputOf(page, 'kubectl rollout history deployment/web')).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/);
  await player.getByTestId('step-next').click();

  // Step 4: paused, two changes make no ReplicaSet; resumed, they roll out as one revision.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '04-pause-resume');
  await typeCommand(page, 'kubectl rollout pause deployment/web');
  expect(await outputOf(page, 'kubectl rollout pause deployment/web')).toBe('deployment.apps/web paused');
  await typeCommand(page, 'kubectl set image deployment/web nginx=nginx:1.27');
  await typeCommand(page, 'kubectl set resources deployment/web --limits=memory=256Mi');
  await typeCommand(page, 'kubectl rollout undo deployment/web');
  expect(await outputOf(page, 'kubectl rollout undo deployment/web')).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again");
  await expect(check(player, 'one-revision')).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl rollout resume deployment/web');
  await typeCommand(page, 'kubectl rollout status deployment/web', { timeout: 120_000 });
  await allTick(player, ['image', 'memory', 'resumed', 'one-revision']);
  await player.getByTestId('step-next').click();

  // Step 5: back to revision 2 by number.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '05-to-revision');
  await typeCommand(page, 'kubectl rollout history deployment/web --revision=2');
  expect(await outputOf(page, 'kubectl rollout history deployment/web --revision=2')).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n[^]*Image:\s+nginx:1\.26/);
  await typeCommand(page, 'kubectl rollout undo deployment/web --to-revision=2');
  await allTick(player, ['looked', 'image', 'revision']);
  await expect(player.getByTestId('lesson-finished')).toBeVisible();

  await player.getByTestId('player-done').click();
  await expect(page.locator('[data-testid="lesson"][data-lesson="06-deployments"]')).toHaveAttribute('data-state', 'done');
  await cleanUp(page.request);
});
