/**
 * The resource types the server serves, from aggregated discovery (one request for `/api` and
 * one for `/apis`, as kubectl 1.32 asks), and kubectl's resolution of a type argument: plural,
 * singular, short name, kind, `TYPE.GROUP`, `TYPE.VERSION.GROUP`, and the `all` category.
 */
import type { GroupDiscoveryList } from '../../apiserver/aggregatedDiscovery';
import { CommandError, serverError } from './errors';
import type { ShellTransport } from '../types';

/** One served resource type. */
export interface ApiType {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
}

const AGGREGATED_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

/** `apps/v1`, or `v1` for the core group. */
export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployment.apps`, or `pod` for the core group: the prefix of `-o name` and of action messages. */
export function kindPrefix(t: { group: string; kind: string }): string {
  return t.group ? `${t.kind.toLowerCase()}.${t.group}` : t.kind.toLowerCase();
}

/** The path of a collection or an object. */
export function resourcePath(t: ApiType, namespace: string | undefined, name?: string, sub?: string): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const ns = t.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${base}${ns}/${t.resource}${name !== undefined ? `/${name}` : ''}${sub ? `/${sub}` : ''}`;
}

/** The served types, fetched once per session. */
export class Discovery {
  private types: ApiType[] | undefined;
  private groupVersions: string[] = [];

  constructor(private readonly transport: ShellTransport) {}

  /** Forgets what was fetched (after a CRD is created, for instance). */
  reset(): void {
    this.types = undefined;
  }

  /** Every served type, preferred versions only, in discovery order (core first). */
  async all(): Promise<ApiType[]> {
    if (this.types) return this.types;
    const types: ApiType[] = [];
    const gvs: string[] = [];
    for (const root of ['/api', '/apis']) {
      const r = await this.transport('GET', root, {}, AGGREGATED_ACCEPT);
      if (r.status >= 400) throw new CommandError(serverError(r.body));
      const list = r.body as GroupDiscoveryList;
      for (const g of list.items ?? []) {
        const group = g.metadata.name ?? '';
        g.versions.forEach((v, i) => {
          gvs.push(group ? `${group}/${v.version}` : v.version);
          if (i > 0) return;
          for (const res of v.resources) {
            const kind = 'kind' in res.responseKind ? (res.responseKind.kind as string) : '';
            types.push({
              group,
              version: v.version,
              resource: res.resource,
              singular: res.singularResource ?? kind.toLowerCase(),
              kind,
              namespaced: res.scope === 'Namespaced',
              shortNames: res.shortNames ?? [],
              categories: res.categories ?? [],
              verbs: res.verbs ?? [],
            });
          }
        });
      }
    }
    this.types = types;
    this.groupVersions = gvs;
    return types;
  }

  /** Every served group/version (`kubectl api-versions`). */
  async versions(): Promise<string[]> {
    await this.all();
    return this.groupVersions;
  }

  /** Resolves one type argument as kubectl's RESTMapper does; throws kubectl's error when none matches. */
  async resolve(arg: string, warn?: (text: string) => void): Promise<ApiType> {
    const found = await this.find(arg);
    if (!found) throw new CommandError(`error: the server doesn't have a resource type "${arg.split('.')[0] ?? arg}"`);
    const t = arg.toLowerCase();
    if (warn && found.shortNames.includes(t) && found.resource !== t && found.singular !== t) {
      const types = await this.all();
      const other = types.find((x) => x !== found && x.shortNames.includes(t));
      if (other) warn(`Warning: short name "${arg}" could also match lower priority resource ${other.resource}.${other.group}\n`);
    }
    return found;
  }

  /**
   * Looks a type up, fetching discovery again on a miss when what is held was fetched earlier,
   * as kubectl's deferred RESTMapper resets its cache and retries (a CRD created since).
   */
  private async lookup<T>(pick: (types: ApiType[]) => T | undefined): Promise<T | undefined> {
    const fresh = this.types === undefined;
    const hit = pick(await this.all());
    if (hit !== undefined || fresh) return hit;
    this.reset();
    return pick(await this.all());
  }

  /** The type serving a kind of a group (a manifest's apiVersion and kind), or undefined. */
  async forKind(group: string, kind: string): Promise<ApiType | undefined> {
    return this.lookup((types) => types.find((x) => x.kind === kind && x.group === group));
  }

  /** Resolves one type argument, or undefined. */
  async find(arg: string): Promise<ApiType | undefined> {
    return this.lookup((types) => this.match(types, arg));
  }

  private match(types: ApiType[], arg: string): ApiType | undefined {
    const t = arg.toLowerCase();
    const match = (x: ApiType, name: string) => x.resource === name || x.singular === name || x.shortNames.includes(name) || x.kind.toLowerCase() === name;
    const plain = types.find((x) => match(x, t));
    if (plain) return plain;
    const dot = t.indexOf('.');
    if (dot < 0) return undefined;
    const name = t.slice(0, dot);
    const rest = t.slice(dot + 1);
    const withGroup = types.find((x) => match(x, name) && x.group === rest);
    if (withGroup) return withGroup;
    const vdot = rest.indexOf('.');
    if (vdot >= 0) {
      const version = rest.slice(0, vdot);
      const group = rest.slice(vdot + 1);
      const hit = types.find((x) => match(x, name) && x.group === group);
      if (hit) return { ...hit, version };
    }
    return undefined;
  }

  /** The types of a category (`all`), in discovery order. */
  async category(name: string): Promise<ApiType[]> {
    return (await this.all()).filter((x) => x.categories.includes(name));
  }
}
