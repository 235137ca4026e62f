// The object drawer ("inspector"): one object and its events (an involvedObject field
// selector), read again every POLL_MS while the drawer is open, and its YAML edit — saved as
// `kubectl edit` saves: a merge patch of what was changed, with the resourceVersion the edit
// began from. When that is stale, the patch goes again on the newer version if nobody else
// touched the same fields; else it is a 409 conflict, reported with the advice to reload. The
// API server's 422 causes are placed on the lines of the edited text.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { newestFirst, type KubeEvent } from '../kube/events';
import { changedPaths, mergePatch, overlaps, theirChanges } from '../kube/mergePatch';
import { kindOf, objectPath, type KubeObject } from '../kube/resources';
import { editText, forDisplay, lineOfField, parseEdited, type EditProblem } from '../kube/yamlEdit';
import { i18n } from '../i18n';
import { getJSON, mergePatchJSON, TransportError } from '../transport';
import { messageOf, useNoticesStore } from './notices';
import { poller } from './poll';

/** The object the drawer shows. */
export interface InspectTarget {
  /** The resource (`pods`), as RESOURCE_KINDS names it. */
  resource: string;
  namespace?: string;
  name: string;
}

export type SaveState = 'idle' | 'saving' | 'invalid' | 'conflict' | 'error';

const POLL_MS = 1500;

/** How many times a save is sent again on a newer version that nobody changed in the same fields. */
const REBASES = 3;

function selector(fields: Record<string, string>): string {
  return encodeURIComponent(
    Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );
}

export const useInspectorStore = defineStore('inspector', () => {
  const notices = useNoticesStore();
  const target = ref<InspectTarget | null>(null);
  const object = shallowRef<KubeObject | undefined>();
  const state = ref<'loading' | 'live' | 'disconnected'>('loading');
  const events = shallowRef<KubeEvent[]>([]);
  const editing = ref(false);
  const draft = ref('');
  const problems = ref<EditProblem[]>([]);
  const saveState = ref<SaveState>('idle');
  const saveMessage = ref('');
  /** The object as the edit began (what the patch is computed from). */
  const original = shallowRef<KubeObject | null>(null);

  const kind = computed(() => (target.value ? kindOf(target.value.resource) : undefined));
  /** Whether someone else changed the object (beyond its status) since the edit began. */
  const changedMeanwhile = computed(() => editing.value && !!object.value && !!original.value && theirChanges(original.value, forDisplay(object.value)).length > 0);

  /** Reads the object and its events again (polled: watches would hold connections, see relations.ts). */
  const poll = poller(POLL_MS, async () => {
    const t = target.value;
    const k = t ? kindOf(t.resource) : undefined;
    if (!t || !k) return;
    const eventsPath = t.namespace ? `/api/v1/namespaces/${encodeURIComponent(t.namespace)}/events` : '/api/v1/events';
    const fields = selector({ 'involvedObject.kind': k.kind, 'involvedObject.name': t.name });
    const [read, list] = await Promise.all([
      getJSON<KubeObject>(objectPath(k, t.namespace, t.name)).then(
        (o) => ({ ok: true as const, o }),
        (e: unknown) => ({ ok: false as const, gone: e instanceof TransportError && e.status === 404 }),
      ),
      getJSON<{ items: KubeEvent[] }>(`${eventsPath}?fieldSelector=${fields}`).catch(() => undefined),
    ]);
    if (target.value !== t) return;
    if (read.ok) {
      if (read.o.metadata.resourceVersion !== object.value?.metadata.resourceVersion) object.value = read.o;
      state.value = 'live';
    } else if (read.gone) {
      object.value = undefined;
      state.value = 'live';
    } else state.value = 'disconnected';
    if (list) events.value = [...list.items].sort(newestFirst);
  });

  function resetEdit(): void {
    editing.value = false;
    draft.value = '';
    problems.value = [];
    saveState.value = 'idle';
    saveMessage.value = '';
  }

  /** Opens the drawer on an object. */
  function open(t: InspectTarget): void {
    resetEdit();
    target.value = { ...t };
    object.value = undefined;
    events.value = [];
    state.value = 'loading';
    poll.stop();
    poll.start();
  }

  function close(): void {
    poll.stop();
    resetEdit();
    target.value = null;
    object.value = undefined;
  }

  /** Starts editing the object as it is now. */
  function edit(): void {
    if (!object.value) return;
    draft.value = editText(object.value);
    original.value = forDisplay(object.value);
    problems.value = [];
    saveState.value = 'idle';
    saveMessage.value = '';
    editing.value = true;
  }

  /** Drops the edits and starts again from the object as it is now (read afresh: after a conflict). */
  async function reload(): Promise<void> {
    const t = target.value;
    const k = kind.value;
    if (t && k) {
      try {
        object.value = await getJSON<KubeObject>(objectPath(k, t.namespace, t.name));
      } catch (e) {
        saveMessage.value = messageOf(e);
        saveState.value = 'error';
        return;
      }
    }
    edit();
  }

  function cancel(): void {
    resetEdit();
  }

  /** Saves the edit (a merge patch); on failure the problems are placed on the lines of the text. */
  async function save(): Promise<boolean> {
    const t = target.value;
    const k = kind.value;
    const base = original.value;
    if (!t || !k || !base) return false;
    const parsed = parseEdited(draft.value);
    if (!parsed.object) {
      problems.value = parsed.problems.map((p) => (p.message === 'not-an-object' ? { ...p, message: i18n.global.t('inspector.notAnObject') } : p));
      saveState.value = 'invalid';
      saveMessage.value = i18n.global.t('inspector.yamlInvalid');
      return false;
    }
    const patch = mergePatch(base, parsed.object);
    const name = `${k.id}/${t.name}`;
    if (!Object.keys(patch).length) {
      resetEdit();
      notices.show('info', i18n.global.t('inspector.noChanges', { name }));
      return true;
    }
    const mine = changedPaths(base, parsed.object);
    const path = objectPath(k, t.namespace, t.name);
    saveState.value = 'saving';
    problems.value = [];
    let version = base.metadata.resourceVersion ?? '';
    for (let attempt = 0; ; attempt++) {
      try {
        const metadata = { ...((patch.metadata as Record<string, unknown> | undefined) ?? {}), resourceVersion: version };
        object.value = await mergePatchJSON<KubeObject>(path, { ...patch, metadata });
        resetEdit();
        notices.show('info', i18n.global.t('inspector.saved', { name }));
        return true;
      } catch (e) {
        if (e instanceof TransportError && e.status === 409 && attempt < REBASES) {
          // Stale: someone else wrote the object. Their change and ours may be disjoint.
          const current = await getJSON<KubeObject>(path).catch(() => undefined);
          if (current) object.value = current;
          if (current && !overlaps(mine, theirChanges(base, forDisplay(current)))) {
            version = current.metadata.resourceVersion ?? '';
            continue;
          }
        }
        return failed(e);
      }
    }
  }

  function failed(e: unknown): false {
    saveMessage.value = messageOf(e);
    if (e instanceof TransportError && e.status === 409) saveState.value = 'conflict';
    else if (e instanceof TransportError && e.status === 422) {
      saveState.value = 'invalid';
      problems.value = e.causes.map((c) => ({
        line: c.field ? lineOfField(draft.value, c.field) : null,
        ...(c.field ? { field: c.field } : {}),
        message: c.message ?? c.reason ?? '',
      }));
    } else saveState.value = 'error';
    return false;
  }

  return { target, kind, object, state, events, editing, draft, problems, saveState, saveMessage, changedMeanwhile, open, close, edit, reload, cancel, save };
});
