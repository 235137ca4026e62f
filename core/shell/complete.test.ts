import { describe, expect, it } from 'vitest';
import { complete, type CompletionSource } from './complete';
import type { ApiType } from './kubectl/discovery';

const type = (resource: string, shortNames: string[], namespaced = true, group = ''): ApiType => ({ group, version: 'v1', resource, singular: resource.replace(/s$/, ''), kind: resource, namespaced, shortNames, categories: [], verbs: ['get', 'list'] });

const OBJECTS: Record<string, Record<string, string[]>> = {
  pods: { default: ['nginx', 'nginx-2', 'web'], 'kube-system': ['etcd-cp', 'kube-apiserver-cp'] },
  deployments: { default: ['frontend'] },
  namespaces: { '': ['default', 'kube-system'] },
  nodes: { '': ['cp', 'worker1'] },
};
const ALIASES: Record<string, string> = { po: 'pods', pod: 'pods', deploy: 'deployments', ns: 'namespaces', no: 'nodes' };

function source(): CompletionSource & { asked: [string, string | undefined][] } {
  const asked: [string, string | undefined][] = [];
  return {
    asked,
    builtins: ['cat', 'cd', 'clear', 'kubectl', 'ls'],
    aliases: new Map([['k', 'kubectl']]),
    kubectlCommands: ['get', 'describe', 'delete', 'apply', 'logs', 'rollout', 'cordon'],
    namespace: 'default',
    types: async () => [type('pods', ['po']), type('deployments', ['deploy'], true, 'apps'), type('namespaces', ['ns'], false), type('nodes', ['no'], false), type('persistentvolumeclaims', ['pvc'])],
    names: async (t, ns) => {
      asked.push([t, ns]);
      const r = ALIASES[t] ?? t;
      const byNs = OBJECTS[r] ?? {};
      if (r === 'namespaces' || r === 'nodes') return byNs[''] ?? [];
      return ns === undefined ? Object.values(byNs).flat() : (byNs[ns] ?? []);
    },
    machines: async () => ['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2'],
    files: async (dir) => (dir === '' ? [{ name: 'pod.yaml', dir: false }, { name: 'manifests', dir: true }, { name: '.secret', dir: false }] : dir === 'manifests/' ? [{ name: 'web.yaml', dir: false }] : []),
  };
}

const words = async (line: string) => (await complete(line, source())).candidates;

describe('tab completion', () => {
  it('completes commands, builtins and aliases first', async () => {
    expect(await words('c')).toEqual(['cat', 'cd', 'clear']);
    expect(await words('kub')).toEqual(['kubectl']);
    expect(await words('echo hi | l')).toEqual(['ls']);
    expect(await words('')).toEqual(['cat', 'cd', 'clear', 'k', 'kubectl', 'ls']);
  });

  it('completes kubectl subcommands, resource types and short names', async () => {
    expect(await words('kubectl ')).toEqual(['apply', 'cordon', 'delete', 'describe', 'get', 'logs', 'rollout']);
    expect(await words('kubectl de')).toEqual(['delete', 'describe']);
    expect(await words('k get p')).toEqual(['persistentvolumeclaims', 'po', 'pods', 'pvc']);
    expect(await words('kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(await words('kubectl rollout status d')).toEqual(['deploy', 'deployments']);
  });

  it('completes object names from the live cluster, in the namespace of -n', async () => {
    expect(await words('kubectl get pods ng')).toEqual(['nginx', 'nginx-2']);
    expect(await words('k get po -n kube-system e')).toEqual(['etcd-cp']);
    expect(await words('k describe pod --namespace=kube-system k')).toEqual(['kube-apiserver-cp']);
    expect(await words('kubectl get pod/ng')).toEqual(['pod/nginx', 'pod/nginx-2']);
    expect(await words('kubectl delete deploy/')).toEqual(['deploy/frontend']);
    expect(await words('kubectl logs w')).toEqual(['web']);
    expect(await words('kubectl cordon w')).toEqual(['worker1']);
    expect(await words('kubectl get pods -A e')).toEqual(['etcd-cp']);
    const src = source();
    await complete('kubectl get pods -n kube-system ', src);
    expect(src.asked).toEqual([['pods', 'kube-system']]);
  });

  it('completes flags of the subcommand and their values', async () => {
    expect(await words('kubectl get --wa')).toEqual(['--warnings-as-errors', '--watch', '--watch-only']);
    expect(await words('kubectl get pods -o ')).toEqual(['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml']);
    expect(await words('kubectl get pods -o y')).toEqual(['yaml']);
    expect(await words('kubectl get pods --output=j')).toEqual(['--output=json', '--output=jsonpath', '--output=jsonpath-as-json', '--output=jsonpath-file']);
    expect(await words('kubectl get pods -n ')).toEqual(['default', 'kube-system']);
    expect(await words('kubectl logs --fol')).toEqual(['--follow']);
    expect(await words('kubectl apply --namesp')).toEqual(['--namespace']);
  });

  it('completes workspace file names (after -f, for file commands and redirections)', async () => {
    expect(await words('kubectl apply -f ')).toEqual(['manifests/', 'pod.yaml']);
    expect(await words('kubectl apply -f manifests/')).toEqual(['manifests/web.yaml']);
    expect(await words('cat p')).toEqual(['pod.yaml']);
    expect(await words('cd ')).toEqual(['manifests/']);
    expect(await words('cat .s')).toEqual(['.secret']);
    expect(await words('kubectl get pods > p')).toEqual(['pod.yaml']);
  });

  it('gives the word to replace as typed', async () => {
    expect(await complete('kubectl get pod/ng', source())).toEqual({ word: 'pod/ng', candidates: ['pod/nginx', 'pod/nginx-2'] });
    expect((await complete('kubectl get pods ', source())).word).toBe('');
  });

  it('completes the lab machines after ssh, with a user too, and files after the destination', async () => {
    expect(await words('ssh ')).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    expect(await words('ssh kubelab-w')).toEqual(['kubelab-worker', 'kubelab-worker2']);
    expect(await complete('ssh root@kubelab-c', source())).toEqual({ word: 'root@kubelab-c', candidates: ['root@kubelab-control-plane'] });
    expect(await words('ssh -q kubelab-worker2 cat p')).toEqual(['pod.yaml']);
  });
});
