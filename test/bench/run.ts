/**
 * `npm run bench`: KubeLab's benchmarks. Prints one line per figure, `NAME VALUE UNIT`; with
 * `-- --json FILE` also writes them as JSON. Figures are measured on this machine, now: they
 * vary with its load, so they are reported, never asserted.
 */
import { writeFileSync } from 'node:fs';
import { benchHostStartup, benchCliStartup, benchGetPods } from './host.bench';
import { benchApiServer } from './apiserver.bench';
import { benchBigStartup, benchWrites } from './persistence.bench';
import { benchCluster } from './cluster.bench';
import { benchShell } from './shell.bench';

/** One measured figure. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  if (jsonAt >= 0 && !jsonFile) {
    process.stderr.write('bench: --json needs a file name\n');
    process.exit(2);
  }
  const figures: Figure[] = [];
  const report = (f: Figure) => {
    figures.push(f);
    process.stdout.write(`${f.name} ${Number.isInteger(f.value) ? f.value : f.value.toFixed(3)} ${f.unit}\n`);
  };
  for (const bench of [benchHostStartup, benchCliStartup, benchGetPods, benchApiServer, benchWrites, benchBigStartup, benchShell, benchCluster]) for (const f of await bench()) report(f);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
