// The lesson catalogue (GET /lab/v1/lessons) and each lesson's whole content with its step
// texts (GET /lab/v1/lessons/ID), read once and kept.
import { defineStore } from 'pinia';
import { ref, shallowReactive } from 'vue';
import type { Lesson as LessonData } from '../../../core/lessons/types';
import type { LocalizedText } from '../i18n';
import { getJSON } from '../transport';

export interface LessonStep {
  id: string;
  title: LocalizedText;
}

export interface Lesson {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  minutes: number;
  notes?: string[];
  steps: LessonStep[];
}

/** A whole lesson as the host serves it (steps with their texts, hints and solutions). */
export type LessonDetail = LessonData;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export const useLessonsStore = defineStore('lessons', () => {
  const items = ref<Lesson[]>([]);
  const status = ref<LoadStatus>('idle');
  const error = ref('');
  const details = shallowReactive(new Map<string, LessonDetail>());

  async function load(): Promise<void> {
    status.value = 'loading';
    try {
      items.value = (await getJSON<{ items: Lesson[] }>('/lab/v1/lessons')).items;
      status.value = 'ready';
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      status.value = 'error';
    }
  }

  /** Reads a lesson's content (once). */
  async function loadDetail(id: string): Promise<LessonDetail> {
    const known = details.get(id);
    if (known) return known;
    const detail = await getJSON<LessonDetail>(`/lab/v1/lessons/${encodeURIComponent(id)}`);
    details.set(id, detail);
    return detail;
  }

  /** Reads the catalogue again and forgets the lessons read: another cluster may bring lessons of its own (a snapshot's lesson pack). */
  async function reload(): Promise<void> {
    details.clear();
    await load();
  }

  return { items, status, error, details, load, loadDetail, reload };
});
