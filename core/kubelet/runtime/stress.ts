/** `stress` (polinux/stress, progrium/stress): memory and CPU hogs for the resource-limit lessons. */
import type { Program } from './process';

/** `150M`, `1G`, `256k`, `1024` (bytes) as stress parses `--vm-bytes`. */
export function stressBytes(s: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] as string).toLowerCase()] ?? 1;
  return Number(m[1]) * mult;
}

/** stress: `--vm N --vm-bytes B [--vm-hang S]`, `--cpu N`, `--timeout Ns`. */
export const stress: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const opt = (long: string, short: string) => {
    const i = args.findIndex((a) => a === long || a === short);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vm = Number(opt('--vm', '-m') ?? 0);
  const cpu = Number(opt('--cpu', '-c') ?? 0);
  const io = Number(opt('--io', '-i') ?? 0);
  const bytes = stressBytes(opt('--vm-bytes', '--vm-bytes') ?? '256M') ?? 256 * 1024 ** 2;
  const timeout = opt('--timeout', '-t');
  if (vm + cpu + io === 0) {
    ctx.io.stdout('`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n');
    return 1;
  }
  ctx.io.stdout(`stress: info: [${ctx.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, 0 hdd\n`);
  const started = ctx.now();
  if (cpu > 0) ctx.host.setCpuLoad(ctx.pid, cpu * 1000);
  // The vm workers fault their pages in over a moment; past the limit the kernel's OOM killer ends the container.
  for (let step = 1; step <= 4 && vm > 0; step++) {
    await ctx.sleep(250);
    ctx.host.setMemory(ctx.pid, Math.round((vm * bytes * step) / 4));
  }
  const seconds = timeout ? Number.parseInt(timeout, 10) * (timeout.endsWith('m') ? 60 : 1) : undefined;
  if (seconds === undefined) return ctx.forever();
  const left = seconds * 1000 - (ctx.now() - started);
  if (left > 0) await ctx.sleep(left);
  ctx.host.setMemory(ctx.pid, 0);
  ctx.host.setCpuLoad(ctx.pid, 0);
  ctx.io.stdout(`stress: info: [${ctx.pid}] successful run completed in ${seconds}s\n`);
  return 0;
};
