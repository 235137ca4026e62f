/**
 * The prober (pkg/kubelet/prober): a worker per container and probe — liveness, readiness,
 * startup — that probes every periodSeconds once initialDelaySeconds have passed since the
 * container started: exec (a command in the container, against its filesystem), httpGet (the
 * container's own listener: 200–399 succeeds), tcpSocket. A result changes after
 * successThreshold/failureThreshold equal results; each failure is an `Unhealthy` event.
 */
import type { Clock, TimerHandle } from '../clock/clock';
import type { Container } from '../api/types';
import type { ContainerRecord } from './podState';
import type { PodWorker } from './podWorker';

/** The probe kinds. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** core/v1 Probe (the fields the prober reads). */
export interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port?: number | string; host?: string };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

const TITLE: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** The User-Agent of the kubelet's HTTP probes. */
export const PROBE_USER_AGENT = 'kube-probe/1.32';

/** A probe's outcome: success, or failure with the prober's output. */
export type ProbeResult = { ok: true } | { ok: false; output: string };

/** A named or numbered port of a container. */
function portOf(c: Container, port: number | string | undefined): number {
  if (typeof port === 'number') return port;
  const named = c.ports?.find((p) => p.name === port);
  return named ? named.containerPort : Number(port ?? 0);
}

/** Runs one probe against a container (exported for tests). */
export async function runProbe(w: PodWorker, r: ContainerRecord, spec: ProbeSpec, clock: Clock): Promise<ProbeResult> {
  const inst = r.instance;
  const sandbox = w.state.sandbox;
  if (!inst || inst.state !== 'running' || !sandbox) return { ok: false, output: 'container not running' };
  const ip = sandbox.ip;
  const gateway = `${ip.split('.').slice(0, 3).join('.')}.1`;
  if (spec.exec) {
    const command = spec.exec.command ?? [];
    const timeout = (spec.timeoutSeconds ?? 1) * 1000;
    let timer: TimerHandle | undefined;
    const timedOut = new Promise<ProbeResult>((resolve) => (timer = clock.setTimer(timeout, () => resolve({ ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out` }))));
    const ran = inst.exec(command).then((res): ProbeResult => (res.exitCode === 0 ? { ok: true } : { ok: false, output: (res.stdout + res.stderr).trim() }));
    const result = await Promise.race([ran, timedOut]);
    if (timer) clock.clearTimer(timer);
    return result;
  }
  if (spec.httpGet) {
    const port = portOf(r.spec, spec.httpGet.port);
    const path = spec.httpGet.path ?? '/';
    const scheme = (spec.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${spec.httpGet.host ?? ip}:${port}${path}`;
    const l = sandbox.listener(port);
    if (!l) return { ok: false, output: `Get ${JSON.stringify(url)}: dial tcp ${ip}:${port}: connect: connection refused` };
    if (!l.http) return { ok: false, output: `Get ${JSON.stringify(url)}: EOF` };
    const headers: Record<string, string> = { 'user-agent': PROBE_USER_AGENT, accept: '*/*' };
    for (const h of spec.httpGet.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const res = l.http({ method: 'GET', host: `${ip}:${port}`, path, headers }, { ip: gateway });
    if (res.status >= 200 && res.status < 400) return { ok: true };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  const port = portOf(r.spec, spec.tcpSocket?.port ?? spec.grpc?.port);
  const l = sandbox.listener(port);
  if (l?.tcp?.({ ip: gateway })) return { ok: true };
  return { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` };
}

class ProbeWorker {
  private timer: TimerHandle | undefined;
  private lastResult: boolean | undefined;
  private run = 0;
  stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly w: PodWorker,
    private readonly r: ContainerRecord,
    private readonly kind: ProbeKind,
    private readonly spec: ProbeSpec,
  ) {}

  start(): void {
    // The first probe right after the start (the program's listeners open in that moment).
    this.timer = this.clock.setTimer(0, () => this.tick());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimer(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.clock.setTimer((this.spec.periodSeconds ?? 10) * 1000, () => this.tick());
  }

  private tick(): void {
    const inst = this.r.instance;
    if (this.stopped || !inst || inst.state !== 'running') return;
    if (!this.w.host.active() || (this.kind !== 'startup' && !this.r.started)) return this.schedule();
    if (this.clock.now() - inst.startedAt < (this.spec.initialDelaySeconds ?? 0) * 1000) return this.schedule();
    void runProbe(this.w, this.r, this.spec, this.clock).then((res) => {
      if (this.stopped || this.r.instance !== inst) return;
      this.observe(res);
      this.schedule();
    });
  }

  private observe(res: ProbeResult): void {
    const w = this.w;
    const r = this.r;
    if (!res.ok) w.events.unhealthy(w.pod, r.spec, r.init, `${TITLE[this.kind]} probe failed: ${res.output}`);
    this.run = this.lastResult === res.ok ? this.run + 1 : 1;
    this.lastResult = res.ok;
    if (this.run < (res.ok ? (this.spec.successThreshold ?? 1) : (this.spec.failureThreshold ?? 3))) return;
    if (this.kind === 'readiness') {
      if (r.ready !== res.ok) {
        r.ready = res.ok;
        w.changed();
      }
    } else if (this.kind === 'startup') {
      if (res.ok) {
        this.stop();
        r.started = true;
        if (!r.spec['readinessProbe']) r.ready = true;
        w.changed();
        w.step();
      } else w.killForProbe(r, `Container ${r.spec.name} failed startup probe, will be restarted`, this.spec.terminationGracePeriodSeconds);
    } else if (!res.ok) w.killForProbe(r, `Container ${r.spec.name} failed liveness probe, will be restarted`, this.spec.terminationGracePeriodSeconds);
  }
}

/** The prober of one kubelet. */
export class ProbeManager {
  private readonly workers = new Map<ContainerRecord, ProbeWorker[]>();

  constructor(private readonly clock: Clock) {}

  /** Starts the probes of a container that just started. */
  start(w: PodWorker, r: ContainerRecord): void {
    this.stop(r);
    const list: ProbeWorker[] = [];
    for (const kind of ['startup', 'liveness', 'readiness'] as const) {
      const spec = r.spec[`${kind}Probe`] as ProbeSpec | undefined;
      if (spec && typeof spec === 'object') list.push(new ProbeWorker(this.clock, w, r, kind, spec));
    }
    if (list.length === 0) return;
    this.workers.set(r, list);
    for (const p of list) p.start();
  }

  /** Stops a container's probes. */
  stop(r: ContainerRecord): void {
    for (const p of this.workers.get(r) ?? []) p.stop();
    this.workers.delete(r);
  }
}
