/**
 * Builds the app once before the suites that run the built `kubelab` command or the shell. A
 * failed build does not stop the other suites (`npm test` builds first and fails on it); the
 * suites that need the build then fail on their own.
 */
// @ts-expect-error: a plain JavaScript module without types.
import { ensureBuild } from '../../electron/cli/ensure-build.mjs';

export default function setup(): void {
  if (!(ensureBuild as (o: { quiet: boolean }) => boolean)({ quiet: true })) process.stderr.write('\nWARNING: the build failed: the suites that run the built app will fail or run a stale build.\n\n');
}
