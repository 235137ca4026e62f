/** Lists describers read besides the object (pods of a controller, events, quotas), following `continue`. */
import type { KubeObject } from '../../../api/types';
import type { TransportResponse } from '../../types';
import type { Kubectl } from '../context';

/** A list's items, or the failed response. */
export type ListResult = { items: KubeObject[]; error?: undefined } | { items?: undefined; error: TransportResponse };

/** Lists a collection in chunks of 500 as kubectl's describers do. */
export async function listAll(k: Kubectl, path: string, query: Record<string, string> = {}): Promise<ListResult> {
  const items: KubeObject[] = [];
  let cont = '';
  for (;;) {
    const q: Record<string, string> = { ...query, limit: '500' };
    if (cont) q['continue'] = cont;
    const r = await k.send('GET', path, q);
    if (r.status >= 400) return { error: r };
    const body = r.body as { items?: KubeObject[]; metadata?: { continue?: string } };
    items.push(...(body.items ?? []));
    cont = body.metadata?.continue ?? '';
    if (!cont) return { items };
  }
}

/** A list's items, or none when the list fails (describers that tolerate the failure). */
export async function listItems(k: Kubectl, path: string, query: Record<string, string> = {}): Promise<KubeObject[]> {
  return (await listAll(k, path, query)).items ?? [];
}
