// ESLint flat config. Besides the usual TypeScript and Vue rules it enforces the layer table
// of DESIGN.md with `no-restricted-imports`: each folder lists what it must never import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Import rules per layer (exported so that a test can prove they bite). */
export const layerRules = {
  core: {
    paths: [
      ...nodeBuiltins.map((name) => ({ name, message: 'core/ is pure: no Node builtins (DESIGN.md, Layers).' })),
      { name: 'electron', message: 'core/ never imports electron.' },
      { name: 'vue', message: 'core/ never imports vue.' },
      { name: 'pinia', message: 'core/ never imports pinia.' },
      { name: 'node-pty', message: 'core/ never imports node-pty.' },
      { name: 'lowdb', message: 'core/ never imports lowdb.' },
    ],
    patterns: [
      { group: ['node:*'], message: 'core/ is pure: no Node builtins.' },
      { group: ['**/electron/**', '**/renderer/**', '**/labs/**', 'lowdb/*', '@xterm/*', 'vue-*'], message: 'core/ imports only itself.' },
    ],
  },
  electron: {
    paths: [{ name: 'vue', message: 'electron/ never imports vue.' }],
    patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }],
  },
  electronNoElectron: {
    paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
  },
  renderer: {
    paths: [
      ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in the browser: no Node builtins.' })),
      { name: 'electron', message: 'renderer/ never imports electron (use the preload bridge).' },
      { name: 'node-pty', message: 'renderer/ never imports node-pty.' },
      { name: 'lowdb', message: 'renderer/ never imports lowdb.' },
    ],
    patterns: [
      { group: ['node:*'], message: 'renderer/ runs in the browser: no Node builtins.' },
      { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
      globals: { ...globals.browser },
    },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', layerRules.core] },
  },
  {
    files: ['electron/**/*.ts', 'electron/**/*.mjs'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...layerRules.electron.paths, ...layerRules.electronNoElectron.paths],
          patterns: layerRules.electron.patterns,
        },
      ],
    },
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', layerRules.electron] },
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', layerRules.renderer] },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
