/**
 * The Job controller's pod operations, as controller.RealPodControl does them, with its events
 * on the Job: `SuccessfulCreate` "Created pod: NAME", `FailedCreate` "Error creating: ...",
 * `SuccessfulDelete` "Deleted pod: NAME", `FailedDelete` "Error deleting: ...". The pods an
 * Indexed Job creates carry their completion index (annotation, label, hostname, env).
 */
import { isStatusError } from '../../api/status';
import type { Container, Job, Pod, PodTemplateSpec } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import type { ControllerContext } from '../manager';
import { controllerRef } from '../util/controllerRef';
import { clone, podFromTemplate, podNamePrefix } from '../util/pods';
import { JOB_COMPLETION_INDEX, JOB_COMPLETION_INDEX_ENV, JOB_CONTROLLER, JOB_TRACKING_FINALIZER } from './constants';

/** The template of a Job's new pods: the tracking finalizer, and for Indexed Jobs the index env variable. */
export function jobPodTemplate(job: Job): PodTemplateSpec {
  const t = clone(job.spec.template);
  const md = (t.metadata ??= {});
  if (!(md.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) md.finalizers = [...(md.finalizers ?? []), JOB_TRACKING_FINALIZER];
  if (job.spec.completionMode === 'Indexed') {
    const addEnv = (c: Container) => {
      const env = (c.env ?? []) as { name: string }[];
      if (env.some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) return;
      // With PodIndexLabel (on in 1.32) the variable reads the label.
      c.env = [...env, { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } }] as Container['env'];
    };
    for (const c of t.spec.initContainers ?? []) addEnv(c);
    for (const c of t.spec.containers) addEnv(c);
  }
  return t;
}

/** The pod of one index of an Indexed Job (annotation, label, hostname `<job>-<index>`), or of a NonIndexed Job. */
export function newJobPod(job: Job, template: PodTemplateSpec, index: number | undefined): Pod {
  const ref = controllerRef(job, 'batch/v1', 'Job');
  const name = job.metadata.name ?? '';
  if (index === undefined) return podFromTemplate(template, job.metadata.namespace ?? '', ref, { generateName: podNamePrefix(name) });
  const t = clone(template);
  const md = (t.metadata ??= {});
  md.annotations = { ...(md.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  md.labels = { ...(md.labels ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  t.spec.hostname = `${name}-${index}`;
  return podFromTemplate(t, job.metadata.namespace ?? '', ref, { generateName: podNamePrefix(`${name}-${index}`) });
}

/** Creates, deletes and patches a Job's pods, recording events on the Job. */
export class JobPodControl {
  private readonly client: Client;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly recorder: EventRecorder,
  ) {
    this.client = ctx.client;
  }

  /** CreatePodsWithGenerateName; resolves with the pod created, throws the API's error. */
  async create(job: Job, pod: Pod): Promise<Pod> {
    const ns = job.metadata.namespace ?? '';
    try {
      const created = await this.client.create<Pod>({ resource: 'pods', namespace: ns }, pod);
      this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: JOB_CONTROLLER, action: 'create', object: `pods/${ns}/${created.metadata.name ?? ''}`, message: `Job ${job.metadata.name ?? ''} created pod ${created.metadata.name ?? ''}` });
      return created;
    } catch (e) {
      if (!isStatusError(e) || !e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) {
        this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`);
      }
      throw e;
    }
  }

  /** DeletePod; a pod already gone is not an error. */
  async delete(job: Job, pod: Pod): Promise<void> {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    try {
      await this.client.delete({ resource: 'pods', namespace: ns, name });
      this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: JOB_CONTROLLER, action: 'delete', object: `pods/${ns}/${name}`, message: `Job ${job.metadata.name ?? ''} deleted pod ${name}` });
    } catch (e) {
      if (isStatusError(e, 'NotFound')) throw e;
      this.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  /** Removes the tracking finalizer from a pod (a strategic merge patch, as removeTrackingFinalizerPatch). */
  async removeFinalizer(pod: Pod): Promise<void> {
    if (!(pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) return;
    await this.client.patch({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, { metadata: { [`$deleteFromPrimitiveList/finalizers`]: [JOB_TRACKING_FINALIZER] } });
  }
}
