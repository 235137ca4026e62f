/**
 * The quantities of the resource metrics API as metrics-server 0.7 writes them: CPU as a
 * decimal quantity scaled to nanocores (`resource.NewScaledQuantity(nanocores, -9)`, so
 * `1234567n`, or `5m` when it is a whole number of millicores), memory as a binary quantity of
 * bytes (`resource.NewQuantity(bytes, BinarySI)`, so `76012Ki` for a page-aligned working set),
 * each in its canonical form.
 */
import { formatQuantity, parseQuantity } from '../resources/quantity';

/** A CPU usage in millicores as the metrics API prints it (canonical nanocores: `1234567n`, `5m`, `0`). */
export function cpuQuantity(milli: number): string {
  const nano = Math.max(0, Math.round(milli * 1_000_000));
  const q = parseQuantity(`${nano}n`);
  return q ? formatQuantity(q) : '0';
}

/** A memory size in bytes as the metrics API prints it (canonical BinarySI: `76012Ki`, `1Mi`, `1000`). */
export function memoryQuantity(bytes: number): string {
  const b = Math.max(0, Math.round(bytes));
  return formatQuantity({ mantissa: BigInt(b), exp: 0, format: 'BinarySI' });
}

/** A Go `time.Duration` of whole seconds as JSON writes it (`10s`, `1m0s`). */
export function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${seconds % 60}s`;
}
