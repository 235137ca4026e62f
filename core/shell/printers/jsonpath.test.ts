import { describe, expect, it } from 'vitest';
import { parseTemplate, printTemplate } from './jsonpath';
import { parseCustomColumns, printCustomColumns } from './customColumns';

const list = {
  items: [
    { metadata: { name: 'a', labels: { app: 'x' } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    { metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
  ],
};
const run = (t: string, data: unknown = list) => printTemplate(parseTemplate(t), data);

describe('kubectl jsonpath templates', () => {
  it('joins the results of a path with spaces and keeps the text between actions', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('names: {.items[0].metadata.name}, {.items[1].metadata.name}!')).toBe('names: a, b!');
  });

  it('repeats a range body for each result, with quoted escapes and filters', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}')).toBe('a\tTrue\nb\tFalse\n');
  });

  it('prints maps as compact JSON and missing keys as nothing', () => {
    expect(run('{.items[0].metadata.labels}|{.items[1].metadata.labels}|')).toBe('{"app":"x"}||');
  });

  it('refuses an unclosed range', () => {
    expect(() => parseTemplate('{range .items[*]}{.a}')).toThrow('unclosed range');
  });
});

describe('custom-columns', () => {
  it("prints Go's %v of each value, <none> for a missing one, laid out by the tabwriter", () => {
    const cols = parseCustomColumns('NAME:.metadata.name,LABELS:.metadata.labels');
    expect(printCustomColumns(cols, list.items, false)).toBe('NAME   LABELS\na      map[app:x]\nb      <none>\n');
    expect(() => parseCustomColumns('NAME')).toThrow('expected <header>:<json-path-expr>');
  });
});
