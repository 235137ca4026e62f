import { describe, expect, it } from 'vitest';
import { commandsOf, inlineHtml, segments } from './markdown';

const identity = (html: string) => html;

describe('lesson Markdown', () => {
  it('splits the text around its top-level code blocks, which carry their commands', () => {
    const parts = segments('# Title\n\nSome **text**.\n\n```\nkubectl run hello --image=nginx\nkubectl get pods -o wide\n```\n\nAfter.\n', identity);
    expect(parts.map((p) => p.type)).toEqual(['html', 'code', 'html']);
    expect(parts[0]).toEqual({ type: 'html', html: '<h4>Title</h4>\n<p>Some <strong>text</strong>.</p>\n' });
    expect(parts[1]).toEqual({ type: 'code', code: 'kubectl run hello --image=nginx\nkubectl get pods -o wide', lang: '', runnable: true });
  });

  it('never lets raw HTML through, even before sanitising', () => {
    const [part] = segments('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>', identity);
    expect(part?.type === 'html' && part.html).not.toMatch(/<script|<img/);
  });

  it('does not run YAML or other languages', () => {
    const parts = segments('```yaml\napiVersion: v1\nkind: Pod\n```\n\n```\napiVersion: v1\nkind: Pod\n```\n', identity);
    expect(parts.map((p) => p.type === 'code' && p.runnable)).toEqual([false, false]);
  });

  it('keeps code blocks nested in lists inside their HTML', () => {
    const parts = segments('- step\n\n  ```\n  kubectl get nodes\n  ```\n', identity);
    expect(parts.map((p) => p.type)).toEqual(['html']);
  });

  it('takes the commands of a block without blank lines and comments', () => {
    expect(commandsOf('# list\nkubectl get nodes\n\n  kubectl get pods  \n')).toEqual(['kubectl get nodes', 'kubectl get pods']);
  });

  it('renders inline Markdown of hints', () => {
    expect(inlineHtml('Type `kubectl get nodes` and *Enter*', identity)).toBe('Type <code>kubectl get nodes</code> and <em>Enter</em>');
  });
});
