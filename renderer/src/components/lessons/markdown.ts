// A lesson step's Markdown as segments: HTML (markdown-it with raw HTML disabled, then
// DOMPurify) and the top-level code blocks, which the player draws itself with Run and Copy.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A piece of a rendered step text. */
export type Segment = { type: 'html'; html: string } | { type: 'code'; code: string; lang: string; runnable: boolean };

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The languages of code blocks that are shell commands (no language counts as one). */
const SHELL = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh']);

/**
 * Headings of the step text start at this level: the pane's heading is an h2 and the
 * lesson's title an h3, so that the page's outline stays in order.
 */
const HEADING_BASE = 4;

function shiftHeadings(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.type !== 'heading_open' && t.type !== 'heading_close') continue;
    const level = Number(t.tag.slice(1));
    t.tag = `h${Math.min(6, level + HEADING_BASE - 1)}`;
  }
}

/** The commands of a shell code block: its non-empty lines that are not comments. */
export function commandsOf(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Whether a code block holds commands to run (a shell language, and at least one command). */
function isRunnable(lang: string, code: string): boolean {
  return SHELL.has(lang) && commandsOf(code).length > 0 && !/^\s*(apiVersion|kind|metadata)\s*:/m.test(code);
}

/**
 * Splits Markdown into segments; `sanitize` cleans each HTML segment (DOMPurify in the
 * browser). Code blocks nested in lists or quotes stay inside their HTML.
 */
export function segments(markdown: string, sanitize: (html: string) => string = sanitizeHtml): Segment[] {
  const tokens = md.parse(markdown, {});
  shiftHeadings(tokens);
  const out: Segment[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (!pending.length) return;
    out.push({ type: 'html', html: sanitize(md.renderer.render(pending, md.options, {})) });
    pending = [];
  };
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.level === 0) {
      flush();
      const lang = t.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const code = t.content.replace(/\n$/, '');
      out.push({ type: 'code', code, lang, runnable: isRunnable(lang, code) });
    } else pending.push(t);
  }
  flush();
  return out;
}

/** DOMPurify with its defaults (no scripts, no event handlers, no javascript: URLs). */
export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html);
}

/** Inline Markdown (a hint, a check's message) as sanitised HTML: code spans, emphasis, links. */
export function inlineHtml(markdown: string, sanitize: (html: string) => string = sanitizeHtml): string {
  return sanitize(md.renderInline(markdown));
}
