/** Builds the app once before the suites that run the built `kubelab` command or the shell. */
// @ts-expect-error: a plain JavaScript module without types.
import { ensureBuild } from '../../electron/cli/ensure-build.mjs';

export default function setup(): void {
  if (!(ensureBuild as (o: { quiet: boolean }) => boolean)({ quiet: true })) throw new Error('the build failed');
}
