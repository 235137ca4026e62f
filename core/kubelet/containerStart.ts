/**
 * Starting one container, as kuberuntime's startContainer does: ensure the image (pull policy,
 * the node's image store, the pull back-off: ErrImagePull, ImagePullBackOff), generate the
 * container's config (environment, mounts, limits: CreateContainerConfigError), create it,
 * start it (StartError → RunContainerError), each step with its events and its stage's delay.
 */
import type { Container } from '../api/types';
import { parseQuantity, quantityValue } from '../apiserver/resources/quantity';
import { pullFailure, resolveImage, type ResolvedImage } from './images/catalogue';
import { parseReference } from './images/reference';
import { ConfigError, containerEnv, expandRefs } from './env';
import type { PodWorker } from './podWorker';
import { pullRpcError } from './podEvents';
import { terminated, type ContainerRecord } from './podState';
import { SimContainer, runtimeFlags, type ContainerConfig } from './runtime/container';
import { pullDuration } from './stages';
import { containerMounts } from './volumes';

/** How long a failed container config waits before the next try. */
const CONFIG_RETRY_MS = 10_000;

/** The image pull policy: the given one, or the API's default (Always for `latest` or no tag). */
export function pullPolicy(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const ref = parseReference(c.image ?? '');
  return !ref || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** A quantity in base units (bytes, cores); 0 when absent. */
function quantity(v: string | undefined): number {
  const q = v ? parseQuantity(v) : undefined;
  return q ? quantityValue(q) : 0;
}

/** The argv of a container: command/args over the image's ENTRYPOINT/CMD, `$(VAR)` expanded. */
export function containerArgv(c: Container, image: ResolvedImage, env: Record<string, string>): string[] {
  const args = c.args !== undefined ? c.args : undefined;
  const argv = c.command !== undefined && c.command.length > 0 ? [...c.command, ...(args ?? [])] : [...image.def.entrypoint, ...(args ?? image.def.cmd)];
  return c.command !== undefined || c.args !== undefined ? argv.map((a) => expandRefs(a, env)) : argv;
}

/** Starts a container of the worker's pod (asynchronously, on the clock). */
export function startContainer(w: PodWorker, r: ContainerRecord): void {
  const h = w.host;
  const pod = w.pod;
  const c = r.spec;
  const image = c.image ?? '';
  r.busy = true;
  r.starting = true;
  const retry = (ms: number | 'syncRetry') => {
    r.starting = false;
    w.after(ms, () => {
      r.busy = false;
      w.step();
    });
    // The pod's next container may start meanwhile.
    w.after(0, () => w.step());
  };
  const ref = parseReference(image);
  if (!ref) {
    const msg = `Failed to apply default image tag ${JSON.stringify(image)}: couldn't parse image reference ${JSON.stringify(image)}: invalid reference format`;
    w.events.invalidImage(pod, c, r.init, msg);
    r.waiting = { reason: 'InvalidImageName', message: msg };
    w.changed();
    return retry(CONFIG_RETRY_MS);
  }
  const resolved = resolveImage(image);
  const policy = pullPolicy(c);
  const present = resolved !== undefined && h.runtime.hasImage(resolved);
  if (policy === 'Never' && !present) {
    w.events.neverPull(pod, c, r.init);
    r.waiting = { reason: 'ErrImageNeverPull', message: `Container image ${JSON.stringify(image)} is not present with pull policy of Never` };
    w.changed();
    return retry('syncRetry');
  }
  if (present && policy !== 'Always') {
    w.events.present(pod, c, r.init);
    r.image = resolved;
    return configure(w, r, resolved);
  }
  const key = `${w.state.uid}_${image}`;
  const now = h.clock.now();
  if (h.pullBackoff.inBackOffSinceUpdate(key, now)) {
    w.events.pullBackOff(pod, c, r.init);
    r.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image ${JSON.stringify(image)}: ErrImagePull: ${pullRpcError(pullFailure(image))}` };
    w.changed();
    return retry(10_000);
  }
  w.events.pulling(pod, c, r.init);
  // An image already there (imagePullPolicy Always) only has its manifest checked: no layers to fetch.
  const took = w.boot ? 0 : pullDuration(resolved && !present ? resolved.size : 0, h.random);
  w.after(took, () => {
    if (!resolved || h.imageUnavailable(image)) {
      const msg = pullFailure(image);
      w.events.pullFailed(pod, c, r.init, msg);
      h.pullBackoff.next(key, h.clock.now());
      r.waiting = { reason: 'ErrImagePull', message: pullRpcError(msg) };
      w.changed();
      return retry('syncRetry');
    }
    h.runtime.store(resolved);
    w.events.pulled(pod, c, r.init, took, resolved.size);
    r.image = resolved;
    configure(w, r, resolved);
  });
}

function configure(w: PodWorker, r: ContainerRecord, image: ResolvedImage): void {
  const h = w.host;
  const sandbox = w.state.sandbox;
  if (!sandbox) return;
  const m = h.machine;
  containerEnv(w.pod, r.spec, h.reader, { podIP: sandbox.ip, hostIP: m.internalIP }, { cpu: m.cpu, memory: m.memory }).then(
    (env) => {
      if (w.disposed || w.state.terminating) return;
      const fullEnv: Record<string, string> = { ...image.def.env, HOSTNAME: sandbox.hostname, ...env };
      const limits = r.spec.resources?.limits ?? {};
      const config: ContainerConfig = {
        name: r.spec.name,
        image,
        argv: containerArgv(r.spec, image, fullEnv),
        env: fullEnv,
        workingDir: String(r.spec['workingDir'] ?? image.def.workingDir ?? '/'),
        mounts: containerMounts(r.spec, w.volumes ?? new Map()),
        memoryLimit: quantity(limits['memory']),
        cpuLimit: Math.round(quantity(limits['cpu']) * 1000),
        ...runtimeFlags(r.spec, w.pod.spec),
      };
      w.after('create', () => create(w, r, config));
    },
    (e: unknown) => {
      if (w.disposed || w.state.terminating) return;
      const msg = e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e);
      w.events.failed(w.pod, r.spec, r.init, msg);
      r.waiting = { reason: 'CreateContainerConfigError', message: msg };
      w.changed();
      r.starting = false;
      w.after(CONFIG_RETRY_MS, () => {
        r.busy = false;
        w.step();
      });
      w.after(0, () => w.step());
    },
  );
}

function create(w: PodWorker, r: ContainerRecord, config: ContainerConfig): void {
  const h = w.host;
  const sandbox = w.state.sandbox;
  if (!sandbox) return;
  const inst = new SimContainer(h.runtime.newId(), config, sandbox);
  if (r.instance) {
    if (r.instance.exit) r.lastTerminated = terminated(r.instance);
    r.previous = r.instance;
    r.restartCount++;
  }
  r.instance = inst;
  w.events.created(w.pod, r.spec, r.init);
  w.after('start', () => {
    inst.onExit = () => w.exited(r);
    inst.start();
    r.busy = false;
    r.starting = false;
    if (inst.state === 'exited') {
      w.events.failed(w.pod, r.spec, r.init, inst.exit?.message ?? 'StartError');
      r.waiting = { reason: 'RunContainerError', message: inst.exit?.message ?? '' };
      w.changed();
      r.busy = true;
      w.after('exitNotice', () => {
        r.busy = false;
        r.waiting = undefined;
        w.changed();
        w.step();
      });
      return;
    }
    w.events.started(w.pod, r.spec, r.init);
    r.waiting = undefined;
    r.started = !r.spec['startupProbe'];
    r.ready = !r.spec['readinessProbe'] && r.started;
    h.probes.start(w, r);
    w.changed();
    w.step();
  });
}
