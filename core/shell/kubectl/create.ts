/**
 * `kubectl create -f FILE|DIR|-` and the generators `create namespace|configmap|deployment|
 * serviceaccount`, with `--dry-run=client|server` and `-o`; kubectl's `created` lines and its
 * `error when creating "f.yaml"` errors.
 */
import type { KubeObject } from '../../api/types';
import { toJson } from '../printers/json';
import { parseOutput, printObjects } from '../printers/output';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, klogFatal, statusError } from './errors';
import { Flags, parseFlags, type FlagSpecs } from './flags';
import { fromFiles, GENERATOR_FLAGS, generatorFor } from './createGenerators';
import { readManifests } from './manifests';

const COMMON: FlagSpecs = {
  filename: { kind: 'strings', short: 'f' },
  recursive: { kind: 'bool', short: 'R' },
  output: { kind: 'string', short: 'o' },
  'dry-run': { kind: 'string', noOptDefault: 'unchanged' },
  'save-config': { kind: 'bool' },
  validate: { kind: 'string', noOptDefault: 'strict' },
  'field-manager': { kind: 'string' },
  'from-literal': { kind: 'strings' },
  'from-file': { kind: 'strings' },
  image: { kind: 'strings' },
  replicas: { kind: 'int' },
  port: { kind: 'int' },
};

/** The generators whose failed create says `failed to create NAME: ...`. */
const LEGACY_WORDING = new Set(['namespace', 'serviceaccount', 'configmap', 'deployment']);

/** The type of an object by its apiVersion and kind. */
export async function typeOf(k: Kubectl, obj: KubeObject, source: string): Promise<ApiType> {
  const apiVersion = obj.apiVersion ?? '';
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const t = await k.discovery.forKind(group, obj.kind ?? '');
  if (!t) throw new CommandError(`error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind ?? ''}" in version "${apiVersion}"\nensure CRDs are installed first`);
  return { ...t, version };
}

/** Sends a create; prints the result as `-o` asks (or `kind/name created`). */
async function createOne(k: Kubectl, flags: Flags, type: ApiType, obj: KubeObject, ns: string, source?: string, generator?: string): Promise<void> {
  const namespace = type.namespaced ? (obj.metadata.namespace ?? ns) : undefined;
  const dry = flags.str('dry-run', 'none');
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') throw new CommandError(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`);
  let created: KubeObject = obj;
  if (dry !== 'client') {
    const r = await k.send('POST', resourcePath(type, namespace), dry === 'server' ? { dryRun: 'All' } : {}, obj);
    if (r.status >= 400) {
      // kubectl's generators word a failed create their own way: secret without a colon, the newer ones not at all.
      if (generator === 'secret') throw new CommandError(`error: failed to create secret ${(r.body as { message?: string }).message ?? ''}`);
      if (generator && LEGACY_WORDING.has(generator)) throw new CommandError(`error: failed to create ${generator}: ${(r.body as { message?: string }).message ?? ''}`);
      throw statusError(r.body, source ? `error when creating "${source}"` : undefined);
    }
    created = r.body as KubeObject;
  }
  const o = flags.str('output');
  if (o) {
    let format;
    try {
      format = parseOutput(o, false);
    } catch (e) {
      throw new CommandError((e as Error).message);
    }
    if (format.kind === 'json' && generator && dry === 'client') k.io.out(toJson(created, false));
    else if (format.kind !== 'human') k.io.out(printObjects(format, [created as unknown as Record<string, unknown>], true, () => `${kindPrefix(type)}/${created.metadata.name}`));
    return;
  }
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  k.io.out(`${kindPrefix(type)}/${created.metadata.name} created${suffix}\n`);
}

/** Metadata in ObjectMeta's field order (name, namespace, creationTimestamp, labels). */
function meta(name: string, ns?: string, labels?: Record<string, string>): KubeObject['metadata'] {
  return { name, ...(ns ? { namespace: ns } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) } as unknown as KubeObject['metadata'];
}

/** `kubectl create`. */
export async function create(k: Kubectl, args: string[]): Promise<void> {
  // The generators with two words (`secret generic`, `service nodeport`) and their own flags.
  const words = args.filter((a) => !a.startsWith('-')).slice(0, 2);
  const two = words.length === 2 && (words[0] === 'secret' || words[0] === 'service') ? `${words[0]} ${words[1]}` : undefined;
  const own = GENERATOR_FLAGS[two ?? words[0] ?? ''];
  const command = `kubectl create${two ? ` ${two}` : args[0] && !args[0].startsWith('-') ? ` ${args[0]}` : ''}`;
  const flags = new Flags(parseFlags(command, args, own ? { ...COMMON, ...own } : COMMON));
  const ns = k.namespace(flags);
  // A generated object names its namespace only when -n does.
  const genNs = flags.str('namespace') || undefined;
  if (two) {
    const name = flags.positional[2];
    const g = generatorFor(k, two, flags, name ?? '', genNs, ns);
    if (!g) throw new CommandError(`error: unknown command "${flags.positional.slice(1).join(' ')}"\nSee '${command.split(' ').slice(0, 3).join(' ')} -h' for help and examples`);
    if (name === undefined) throw new CommandError(`error: exactly one NAME is required, got 0\nSee '${command} -h' for help and examples`);
    await createOne(k, flags, await k.discovery.resolve(g.type), await g.make(), ns, undefined, two.split(' ')[0]);
    return;
  }
  const [sub, name] = flags.positional;
  if (sub === undefined) {
    if (flags.list('filename').length === 0) throw new CommandError("error: must specify one of -f and -k\n\nerror: unknown command \"\"\nSee 'kubectl create -h' for help and examples");
    let failed: CommandError | undefined;
    for (const m of await readManifests(k, flags.list('filename'), flags.bool('recursive'))) {
      try {
        await createOne(k, flags, await typeOf(k, m.obj, m.source), m.obj, ns, m.source);
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        k.fail(e.message);
        failed = e;
      }
    }
    if (failed) k.exit = failed.code;
    return;
  }
  const generators: Record<string, { type: string; make: () => KubeObject | Promise<KubeObject> }> = {
    namespace: { type: 'namespaces', make: () => ({ kind: 'Namespace', apiVersion: 'v1', metadata: meta(name ?? ''), spec: {}, status: {} }) },
    serviceaccount: { type: 'serviceaccounts', make: () => ({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(name ?? '', genNs) }) },
    configmap: {
      type: 'configmaps',
      make: async () => {
        const data: Record<string, string> = {};
        for (const l of flags.list('from-literal')) {
          const eq = l.indexOf('=');
          if (eq <= 0) throw new CommandError(`error: invalid literal source ${l}, expected key=value`);
          data[l.slice(0, eq)] = l.slice(eq + 1);
        }
        const files = flags.list('from-file').flatMap((v) => v.split(',')).filter((v) => v !== '');
        for (const [key, text] of await fromFiles(k, files)) data[key] = text;
        return { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name ?? '', genNs), ...(Object.keys(data).length > 0 ? { data } : {}) };
      },
    },
    deployment: {
      type: 'deployments',
      make: () => {
        const images = flags.list('image');
        if (images.length === 0) throw new CommandError(klogFatal('required flag(s) \\"image\\" not set'));
        const labels = { app: name ?? '' };
        const containers = images.map((image, i) => ({
          name: (image.split('/').pop() ?? image).split(/[:@]/)[0] ?? image,
          image,
          ...(i === 0 && flags.has('port') ? { ports: [{ containerPort: flags.int('port', 0) }] } : {}),
          resources: {},
        }));
        return {
          kind: 'Deployment',
          apiVersion: 'apps/v1',
          metadata: meta(name ?? '', genNs, labels),
          spec: { replicas: flags.int('replicas', 1), selector: { matchLabels: labels }, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } }, strategy: {} },
          status: {},
        };
      },
    },
  };
  const alias: Record<string, string> = { cm: 'configmap', deploy: 'deployment', ns: 'namespace', sa: 'serviceaccount', cj: 'cronjob', resourcequota: 'quota', clusterrolebindings: 'clusterrolebinding' };
  const full = alias[sub] ?? sub;
  const g = generators[full] ?? generatorFor(k, full, flags, name ?? '', genNs, ns);
  if (!g) throw new CommandError(`error: unknown command "${sub}"\nSee 'kubectl create -h' for help and examples`);
  if (name === undefined) throw new CommandError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${full} -h' for help and examples`);
  const obj = await g.make();
  await createOne(k, flags, await k.discovery.resolve(g.type), obj, ns, undefined, full);
}
