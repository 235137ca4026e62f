// Lesson 05-replicasets followed as a student would: every step's solution typed into the
// terminal key by key, each check ticking live in the lesson player, step after step to the end
// (the timed challenge included).
import { expect, test } from '@playwright/test';
import { allTick, deleteAll, lessonCheck, deleteObject, openLesson, outputOf, typeCommand, watchForProblems } from './helpers';

const PODS = '/api/v1/namespaces/default/pods';
const FRONTEND = '/apis/apps/v1/namespaces/default/replicasets/frontend';

watchForProblems();

const check = lessonCheck;

async function cleanUp(request: Parameters<typeof deleteObject>[0]): Promise<void> {
  await deleteObject(request, FRONTEND);
  await deleteAll(request, PODS, 'app=frontend');
}

test('follows lesson 05-replicasets by typing in the terminal and sees every check tick', async ({ page }) => {
  test.setTimeout(240_000);
  await cleanUp(page.request);
  const player = await openLesson(page, '05-replicasets');
  await expect(page.getByTestId('terminal-status')).toHaveAttribute('data-status', 'connected');

  // Step 1: the ReplicaSet from the file the lesson put in the workspace.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '01-create');
  await expect(player.getByTestId('step-number')).toHaveText('Step 1 of 5');
  for (const id of ['rs-exists', 'three-running', 'ready']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl apply -f frontend-rs.yaml');
  expect(await outputOf(page, 'kubectl apply -f frontend-rs.yaml')).toContain('replicaset.apps/frontend created');
  await allTick(player, ['rs-exists', 'three-running', 'ready']);
  await typeCommand(page, 'kubectl get rs,pods');
  expect(await outputOf(page, 'kubectl get rs,pods')).toMatch(/replicaset\.apps\/frontend\s+3\s+3\s+3\s/);
  await player.getByTestId('step-next').click();

  // Step 2: delete the pods; the ReplicaSet makes new ones.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '02-self-healing');
  for (const id of ['deleted', 'replaced']) await expect(check(player, id)).toHaveAttribute('data-passed', 'false');
  await typeCommand(page, 'kubectl delete pod -l app=frontend', { timeout: 90_000 });
  expect(await outputOf(page, 'kubectl delete pod -l app=frontend')).toMatch(/pod "frontend-[a-z0-9]{5}" deleted/);
  await allTick(player, ['deleted', 'replaced']);
  await typeCommand(page, 'kubectl get pods -l app=frontend');
  expect(await outputOf(page, 'kubectl get pods -l app=frontend')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await player.getByTestId('step-next').click();

  // Step 3: scale to five.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '03-scale');
  await typeCommand(page, 'kubectl scale rs frontend --replicas=5');
  expect(await outputOf(page, 'kubectl scale rs frontend --replicas=5')).toContain('replicaset.apps/frontend scaled');
  await allTick(player, ['spec', 'five-running']);
  await player.getByTestId('step-next').click();

  // Step 4: a bare pod with the ReplicaSet's label is adopted, and the surplus deleted.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '04-ownership');
  await typeCommand(page, 'kubectl run stray --image=nginx --labels=app=frontend');
  expect(await outputOf(page, 'kubectl run stray --image=nginx --labels=app=frontend')).toContain('pod/stray created');
  await allTick(player, ['stray', 'trimmed']);
  await typeCommand(page, 'kubectl get pods -l app=frontend');
  await player.getByTestId('step-next').click();

  // Step 5: the timed challenge, scale down to two; the terminating pods go within their grace period.
  await expect(player.getByTestId('step')).toHaveAttribute('data-step', '05-challenge');
  await expect(page.getByTestId('challenge')).toHaveAttribute('data-expired', 'false');
  await typeCommand(page, 'kubectl scale rs frontend --replicas=2');
  await allTick(player, ['spec-two', 'two-pods']);
  await expect(page.getByTestId('challenge')).toHaveAttribute('data-expired', 'false');
  await expect(player.getByTestId('lesson-finished')).toBeVisible();

  await player.getByTestId('player-done').click();
  await expect(page.locator('[data-testid="lesson"][data-lesson="05-replicasets"]')).toHaveAttribute('data-state', 'done');
  await cleanUp(page.request);
});
