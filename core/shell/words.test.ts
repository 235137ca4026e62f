import { describe, expect, it } from 'vitest';
import { splitWords } from './words';

describe('splitWords', () => {
  it.each<[string, string[]]>([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  kubectl\tget   pods  ', ['kubectl', 'get', 'pods']],
    ['', []],
    ['   ', []],
    ["echo 'a b'  c", ['echo', 'a b', 'c']],
    ["echo 'say \"hi\"'", ['echo', 'say "hi"']],
    ['echo "a b"', ['echo', 'a b']],
    ['echo "it\'s"', ['echo', "it's"]],
    ['echo "a \\"b\\" c\\\\d \\$x \\n"', ['echo', 'a "b" c\\d $x \\n']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo \\"x', ['echo', '"x']],
    ["echo ab'cd'\"ef\"", ['echo', 'abcdef']],
    ["echo '' \"\"", ['echo', '', '']],
    ['kubectl get pods # list them', ['kubectl', 'get', 'pods']],
    ['# only a comment', []],
    ['echo a#b', ['echo', 'a#b']],
    ["echo '#x'", ['echo', '#x']],
    ['kubectl get po -l app=web,tier!=db', ['kubectl', 'get', 'po', '-l', 'app=web,tier!=db']],
  ])('%j', (line, words) => {
    expect(splitWords(line)).toEqual({ words });
  });

  it('reports an unterminated single quote as bash does', () => {
    const r = splitWords("echo 'abc");
    expect(r.error).toBe("unexpected EOF while looking for matching `''");
    expect(r.words).toEqual(['echo']);
  });

  it('reports an unterminated double quote as bash does', () => {
    expect(splitWords('echo "abc').error).toBe('unexpected EOF while looking for matching `"\'');
    expect(splitWords('echo "abc\\"').error).toBe('unexpected EOF while looking for matching `"\'');
  });
});
