// UI preferences: language, pane sizes, the terminal's font size (remembered in localStorage),
// the OS theme, the dashboard's tab and the shortcuts overlay.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { i18n, rememberLocale, type Locale } from '../i18n';

/** The views of the dashboard pane. */
export const DASHBOARD_TABS = ['nodes', 'trace', 'resources', 'relations', 'events'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

const PANES_KEY = 'kubelab.paneSizes';
const FONT_KEY = 'kubelab.terminalFontSize';
/** The terminal's font sizes offered (px). */
export const TERMINAL_FONT_SIZES = [10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24] as const;
const DEFAULT_FONT_SIZE = 13;

function loadFontSize(): number {
  const saved = Number(localStorage.getItem(FONT_KEY));
  return (TERMINAL_FONT_SIZES as readonly number[]).includes(saved) ? saved : DEFAULT_FONT_SIZE;
}
/** Lesson panel | terminal | dashboard, in percent of the window's width. */
export const DEFAULT_PANE_SIZES: readonly number[] = [26, 40, 34];

function loadPaneSizes(): number[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PANES_KEY) ?? 'null');
    const valid =
      Array.isArray(saved) &&
      saved.length === DEFAULT_PANE_SIZES.length &&
      saved.every((n) => typeof n === 'number' && n > 0);
    if (valid) return saved as number[];
  } catch {
    // A damaged entry: fall back to the defaults.
  }
  return [...DEFAULT_PANE_SIZES];
}

export const useUiStore = defineStore('ui', () => {
  const locale = ref<Locale>(i18n.global.locale.value);
  document.documentElement.lang = locale.value;

  function setLocale(next: Locale): void {
    locale.value = next;
    i18n.global.locale.value = next;
    document.documentElement.lang = next;
    rememberLocale(next);
  }

  function toggleLocale(): void {
    setLocale(locale.value === 'en' ? 'zh-CN' : 'en');
  }

  const paneSizes = ref<number[]>(loadPaneSizes());

  function setPaneSizes(sizes: number[]): void {
    paneSizes.value = sizes;
    localStorage.setItem(PANES_KEY, JSON.stringify(sizes));
  }

  // The page's colours follow the OS through CSS alone; the terminal needs it in script.
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  const prefersDark = ref(darkQuery.matches);
  darkQuery.addEventListener('change', (event) => {
    prefersDark.value = event.matches;
  });

  /** The dashboard pane's tab. */
  const dashboardTab = ref<DashboardTab>('nodes');

  /** The terminal's font size in px (remembered). */
  const terminalFontSize = ref(loadFontSize());

  function setTerminalFontSize(size: number): void {
    if (!(TERMINAL_FONT_SIZES as readonly number[]).includes(size)) return;
    terminalFontSize.value = size;
    localStorage.setItem(FONT_KEY, String(size));
  }

  /** Whether the keyboard shortcuts overlay is open. */
  const helpOpen = ref(false);

  return { locale, setLocale, toggleLocale, paneSizes, setPaneSizes, prefersDark, dashboardTab, terminalFontSize, setTerminalFontSize, helpOpen };
});
