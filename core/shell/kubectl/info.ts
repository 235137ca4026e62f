/** `kubectl version`, `api-versions`, `config current-context|view|get-contexts|set-context --current --namespace`. */
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { layoutColumns } from '../printers/table';

/** The client version the shell reports (it follows kubectl 1.32). */
export const CLIENT_VERSION = 'v1.32.4';

/** `kubectl version`. */
export async function version(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl version', args, { client: { kind: 'bool' }, output: { kind: 'string', short: 'o' } }));
  k.io.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: v5.5.0\n`);
  if (flags.bool('client')) return;
  const v = await k.ok<{ gitVersion?: string }>('GET', '/version');
  k.io.out(`Server Version: ${v.gitVersion ?? ''}\n`);
}

/** `kubectl api-versions`. */
export async function apiVersions(k: Kubectl, args: string[]): Promise<void> {
  parseFlags('kubectl api-versions', args, {});
  const all = [...(await k.discovery.versions())].sort();
  k.io.out(all.map((v) => `${v}\n`).join(''));
}

/** `kubectl config ...` over the shell's session (the kubeconfig file itself is not written). */
export async function config(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const flags = new Flags(parseFlags(`kubectl config ${sub ?? ''}`.trim(), rest, { current: { kind: 'bool' }, namespace: { kind: 'string' }, output: { kind: 'string', short: 'o' }, minify: { kind: 'bool' }, raw: { kind: 'bool' } }));
  const s = k.state;
  switch (sub) {
    case 'current-context':
      k.io.out(`${s.context}\n`);
      return;
    case 'get-contexts':
      k.io.out(layoutColumns([
        ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
        ['*', s.context, s.cluster ?? s.context, s.user ?? 'kubernetes-admin', s.namespace === 'default' ? '' : s.namespace],
      ]));
      return;
    case 'set-context':
      if (!flags.bool('current')) throw new CommandError('error: the KubeLab shell changes only the current context: use --current');
      if (flags.has('namespace')) s.namespace = flags.str('namespace') || 'default';
      k.io.out(`Context "${s.context}" modified.\n`);
      return;
    case 'view':
      k.io.out(
        `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: ${s.server ?? ''}\n  name: ${s.cluster ?? s.context}\ncontexts:\n- context:\n    cluster: ${s.cluster ?? s.context}\n${s.namespace === 'default' ? '' : `    namespace: ${s.namespace}\n`}    user: ${s.user ?? 'kubernetes-admin'}\n  name: ${s.context}\ncurrent-context: ${s.context}\nkind: Config\npreferences: {}\nusers:\n- name: ${s.user ?? 'kubernetes-admin'}\n  user:\n    token: REDACTED\n`,
      );
      return;
    default:
      throw new CommandError(sub === undefined ? 'error: the KubeLab shell knows config current-context, get-contexts, set-context --current and view' : `Error: unknown command "${sub}" for "kubectl config"`);
  }
}
