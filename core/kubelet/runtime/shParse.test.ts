import { describe, expect, it } from 'vitest';
import { ShSyntaxError, parseScript, type Redirect, type ShNode } from './shParse';
import { testContainer } from './testHost';

function firstCommand(src: string): Extract<ShNode, { t: 'cmd' }> {
  const tree = parseScript(src);
  const node = tree.t === 'list' ? tree.items[0]?.node : tree;
  if (node?.t !== 'cmd') throw new Error(`not a command: ${JSON.stringify(node)}`);
  return node;
}

function detail(src: string) {
  try {
    parseScript(src);
  } catch (e) {
    if (e instanceof ShSyntaxError) return e.detail;
    throw e;
  }
  return undefined;
}

describe('the shell parser shared by sh and the bundled shell', () => {
  it('reads a here-document after the line of its <<, with or without expansion, and <<- strips tabs', () => {
    const doc = (src: string) => (firstCommand(src).redirects[0] as Redirect).heredoc;
    expect(doc('cat <<EOF > pod.yaml\nkind: Pod\nname: $N\nEOF\n')).toEqual({ body: 'kind: Pod\nname: $N\n', expand: true });
    expect(doc("cat <<'EOF'\n$N\nEOF")).toEqual({ body: '$N\n', expand: false });
    expect(doc('cat <<"EOF"\nx\nEOF')).toEqual({ body: 'x\n', expand: false });
    expect(doc('cat <<-EOF\n\t\tindented\n\tEOF\n')).toEqual({ body: 'indented\n', expand: true });
    const cmd = firstCommand('cat <<EOF > out.txt\nhi\nEOF');
    expect(cmd.redirects.map((r) => r.op)).toEqual(['<<', '>']);
    // The command after the here-document is parsed as the next one.
    const tree = parseScript('cat <<A\n1\nA\necho after');
    expect(tree.t === 'list' && tree.items.length).toBe(2);
  });

  it('reads here-strings and fd redirections', () => {
    expect(firstCommand('cat <<< "a b"').redirects[0]).toMatchObject({ fd: 0, op: '<<<' });
    expect(firstCommand('k get po 2>&1 >out').redirects.map((r) => [r.fd, r.op])).toEqual([
      [2, '>&'],
      [1, '>'],
    ]);
  });

  it('tells a script that ends too early (an interactive shell asks for more) from a wrong one', () => {
    expect(detail('cat <<EOF\nline')).toEqual({ incomplete: true, heredoc: 'EOF' });
    expect(detail('cat <<EOF')).toEqual({ incomplete: true, heredoc: 'EOF' });
    expect(detail("echo 'abc")).toEqual({ incomplete: true, quote: "'" });
    expect(detail('echo "abc')).toEqual({ incomplete: true, quote: '"' });
    expect(detail('echo $(date')).toMatchObject({ incomplete: true, quote: ')' });
    expect(detail('kubectl get pods |\n')).toEqual({ incomplete: true });
    expect(detail('true &&\n')).toEqual({ incomplete: true });
    expect(detail('for i in 1 2; do\necho $i\n')).toEqual({ incomplete: true });
    expect(detail('echo a \\')).toEqual({ incomplete: true });
    expect(detail('echo >\n')).toEqual({ token: 'newline' });
    expect(detail('| grep x\n')).toEqual({ token: '|' });
    expect(detail('echo a ;; b\n')).toEqual({ token: ';;' });
    expect(detail('cat <<EOF\nx\nEOF\n')).toBeUndefined();
  });

  it('keeps a backslash in double quotes before an ordinary character (as sh does)', async () => {
    const { container } = testContainer('busybox:1.36');
    expect((await container.exec(['sh', '-c', 'echo "a\\nb" "\\$x"'])).stdout).toBe('a\\nb $x\n');
  });

  it('gives the container shell here-documents and here-strings', async () => {
    const { container } = testContainer('busybox:1.36');
    expect((await container.exec(['sh', '-c', 'X=7\ncat <<EOF\nx=$X \\$X\nEOF\ncat <<\'EOF\'\n$X\nEOF\ncat <<< "s $X"'])).stdout).toBe('x=7 $X\n$X\ns 7\n');
  });
});
