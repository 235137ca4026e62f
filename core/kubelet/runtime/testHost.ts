/** A container to run simulated programs in, for the runtime's unit tests. */
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { resolveImage } from '../images/catalogue';
import { SimContainer } from './container';
import { PodSandbox } from './sandbox';
import type { Mount } from './fs';

/** A running busybox (or other) container on a manual clock. */
export function testContainer(image = 'busybox:1.36', argv: string[] = ['sleep', '3600'], mounts: Mount[] = [], memoryLimit = 0): { clock: ManualClock; container: SimContainer; sandbox: PodSandbox } {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const resolved = resolveImage(image);
  if (!resolved) throw new Error(`no image ${image}`);
  const sandbox = new PodSandbox('s1', 'uid-1', 'default/test', 'test', '10.244.1.7', clock, 2, undefined, undefined, false);
  const container = new SimContainer(new Random(1).string(64, '0123456789abcdef'), { name: 'c', image: resolved, argv, env: { ...resolved.def.env, HOSTNAME: 'test' }, workingDir: resolved.def.workingDir ?? '/', mounts, memoryLimit, cpuLimit: 0 }, sandbox);
  container.start();
  return { clock, container, sandbox };
}
