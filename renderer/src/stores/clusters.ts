// The lab's clusters (GET/POST/DELETE /lab/v1/clusters...) and snapshots
// (/lab/v1/snapshots/save|open). A switch ends the host's open watches: the stores that follow
// the running cluster reload at once (see `afterSwitch`).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { deleteJSON, getJSON, postFile, postForFile, postJSON } from '../transport';
import { useClockStore } from './clock';
import { useClusterStore } from './cluster';
import { useComponentsStore } from './components';
import { useExplainStore } from './explain';
import { useLessonsStore } from './lessons';
import { useTraceStore } from './trace';

/** One cluster of the lab. */
export interface ClusterEntry {
  name: string;
  seed: number;
  workers: number;
  created?: string;
  current: boolean;
}

/** What opening a snapshot answers. */
export interface OpenedSnapshot {
  name: string;
  metadata: Record<string, unknown>;
}

/** The desktop's preload bridge (electron/README.md); absent in a browser. */
interface KubelabBridge {
  saveFile?(defaultName: string, data: string, encoding?: 'utf8' | 'base64'): Promise<string | null>;
}

function bridge(): KubelabBridge | undefined {
  return (window as unknown as { kubelab?: KubelabBridge }).kubelab;
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Offers a file to the user: the desktop's save dialog, else a browser download. */
async function offerFile(name: string, blob: Blob): Promise<string | null> {
  const desktop = bridge();
  if (desktop?.saveFile) return desktop.saveFile(name, await base64(blob), 'base64');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const enc = encodeURIComponent;

export const useClustersStore = defineStore('clusters', () => {
  const items = ref<ClusterEntry[]>([]);
  const busy = ref(false);
  const current = computed(() => items.value.find((c) => c.current));

  async function load(): Promise<void> {
    items.value = (await getJSON<{ items: ClusterEntry[] }>('/lab/v1/clusters')).items;
  }

  /** The stores that follow the running cluster start again on the new one. */
  async function afterSwitch(): Promise<void> {
    useExplainStore().close();
    useTraceStore().reset();
    await Promise.all([useClusterStore().reload(), useClockStore().refresh(), useComponentsStore().refresh(), useLessonsStore().reload(), load()]);
  }

  async function run<T>(task: () => Promise<T>): Promise<T> {
    busy.value = true;
    try {
      return await task();
    } finally {
      busy.value = false;
    }
  }

  /** Creates a cluster (not started); `empty`: machines only, no control plane until kubeadm init. */
  function create(name: string, nodes: number, seed: number, empty = false): Promise<void> {
    return run(async () => {
      await postJSON('/lab/v1/clusters', { name, nodes, seed, ...(empty ? { empty: true } : {}) });
      await load();
    });
  }

  /** Runs another cluster (the running one is saved and stopped). */
  function use(name: string): Promise<void> {
    return run(async () => {
      items.value = (await postJSON<{ items: ClusterEntry[] }>(`/lab/v1/clusters/${enc(name)}/use`)).items;
      await afterSwitch();
    });
  }

  /** Makes a cluster new again (same shape and seed). */
  function reset(name: string): Promise<void> {
    return run(async () => {
      items.value = (await postJSON<{ items: ClusterEntry[] }>(`/lab/v1/clusters/${enc(name)}/reset`)).items;
      if (items.value.find((c) => c.name === name)?.current) await afterSwitch();
    });
  }

  function remove(name: string): Promise<void> {
    return run(async () => {
      items.value = (await deleteJSON<{ items: ClusterEntry[] }>(`/lab/v1/clusters/${enc(name)}`)).items;
    });
  }

  /** Saves the running cluster as a `.kubelab` file; resolves to the file's name (null: the user cancelled). */
  function saveSnapshot(title?: string): Promise<string | null> {
    return run(async () => {
      const { name, blob } = await postForFile('/lab/v1/snapshots/save', title ? { title } : {}, 'cluster.kubelab');
      return offerFile(name, blob);
    });
  }

  /** Opens a `.kubelab` file as a new cluster and runs it. */
  function openSnapshot(file: Blob): Promise<OpenedSnapshot> {
    return run(async () => {
      const opened = await postFile<OpenedSnapshot>('/lab/v1/snapshots/open?use=true', file);
      await afterSwitch();
      return opened;
    });
  }

  return { items, busy, current, load, create, use, reset, remove, saveSnapshot, openSnapshot };
});
