import { defineConfig } from 'vitest/config';

// The renderer's unit tests (its pure helpers: relations, YAML editing, lesson Markdown, flow
// control) run in Node: `npx vitest run --config renderer/vitest.config.ts`.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
