// The lesson catalogue served by the host (GET /lab/v1/lessons).
import { defineStore } from 'pinia';
import { ref } from 'vue';
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

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export const useLessonsStore = defineStore('lessons', () => {
  const items = ref<Lesson[]>([]);
  const status = ref<LoadStatus>('idle');
  const error = ref('');

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

  return { items, status, error, load };
});
