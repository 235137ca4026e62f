/**
 * The entry of the `kubelab` command (built to out/main/cli.js; `electron/cli/kubelab.mjs`
 * builds it when needed and runs it). It never imports electron, so it runs in plain Node.
 */
import { main } from './run';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`kubelab: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
