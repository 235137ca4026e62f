import { describe, expect, it } from 'vitest';
import { ApiServer } from '../apiserver/handler';
import { isStream } from '../apiserver/request';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { testShell } from './testing';
import type { ShellTransport } from './types';

/** A transport to a bare API server holding the default namespace. */
async function apiServer(): Promise<ShellTransport> {
  const server = new ApiServer({ store: new Store(), clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), random: new Random(1) });
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const headers: Record<string, string> = send?.contentType ? { accept, 'content-type': send.contentType } : { accept };
    const res = await server.handle({ method, path, query, headers, ...(send?.body !== undefined ? { body: send.body } : {}) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  await transport('POST', '/api/v1/namespaces', {}, 'application/json', { body: JSON.stringify({ metadata: { name: 'default' } }) });
  return transport;
}

const CM = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' } });

describe('the bundled shell language', () => {
  it('runs lists with ;, && and ||, and keeps $? as bash does', async () => {
    const sh = testShell();
    expect((await sh.run('echo a; false && echo no || echo yes; echo $?')).out).toBe('a\nyes\n0\n');
    expect((await sh.run('false')).code).toBe(1);
    expect((await sh.run('echo $?')).out).toBe('1\n');
    expect((await sh.run('true && false')).code).toBe(1);
  });

  it('expands variables, quotes, command substitution, arithmetic and ~', async () => {
    const sh = testShell();
    expect((await sh.run('NAME=web; echo "pod $NAME" \'$NAME\' ${NAME}-1 $(echo sub) $((2*3)) ~ ~/x')).out).toBe('pod web $NAME web-1 sub 6 / //x\n');
    await sh.run('export NS=kube-system');
    expect((await sh.run('echo $NS; export')).out).toContain('declare -x NS="kube-system"\n');
    await sh.run('unset NS');
    expect((await sh.run('echo "[$NS]"')).out).toBe('[]\n');
  });

  it('pipes commands into each other and redirects to and from workspace files', async () => {
    const sh = testShell({ 'names.txt': 'web\napi\nweb\ndb\n' });
    expect((await sh.run('cat names.txt | sort | uniq -c | sort -rn | head -n 1')).out).toBe('      2 web\n');
    await sh.run('echo one > out.txt; echo two >> out.txt');
    expect(sh.fs.files.get('/out.txt')?.text).toBe('one\ntwo\n');
    expect((await sh.run('wc -l < out.txt')).out).toBe('2\n');
    await sh.run('cat nope 2> err.txt');
    expect(sh.fs.files.get('/err.txt')?.text).toBe('cat: nope: No such file or directory\n');
    expect((await sh.run('cat nope 2>&1 | tr a-z A-Z')).out).toBe('CAT: NOPE: NO SUCH FILE OR DIRECTORY\n');
    expect((await sh.run('cat nope 2>/dev/null; echo $?')).out).toBe('1\n');
    expect((await sh.run('echo x > missing/dir/f')).err).toBe('kubelab: missing/dir/f: No such file or directory\n');
    expect((await sh.run('cat < nope')).err).toBe('kubelab: nope: No such file or directory\n');
  });

  it('writes a here-document to a file, expanding it unless its delimiter is quoted', async () => {
    const sh = testShell();
    await sh.run('NAME=web\ncat <<EOF > pod.yaml\nmetadata:\n  name: $NAME\n  note: "a\\tb \\$x"\nEOF');
    expect(sh.fs.files.get('/pod.yaml')?.text).toBe('metadata:\n  name: web\n  note: "a\\tb $x"\n');
    await sh.run("cat <<'EOF' > raw.txt\n$NAME\nEOF");
    expect(sh.fs.files.get('/raw.txt')?.text).toBe('$NAME\n');
    expect((await sh.run('cat <<< "here $NAME"')).out).toBe('here web\n');
  });

  it('says which commands need more lines, as bash shows its > prompt', () => {
    const { engine } = testShell();
    for (const more of ['cat <<EOF > pod.yaml', 'cat <<EOF\napiVersion: v1', "echo 'open", 'kubectl get pods |', 'for i in 1 2; do', 'echo a \\']) expect(engine.needsMore(more)).toBe(true);
    for (const done of ['cat <<EOF\nx\nEOF', 'echo hi', '', 'echo >', 'echo a \\\\']) expect(engine.needsMore(done)).toBe(false);
  });

  it("prints bash's syntax errors with status 2, and ends a here-document left open at the end", async () => {
    const sh = testShell();
    expect(await sh.run("kubectl get 'pods")).toMatchObject({ err: "kubelab: unexpected EOF while looking for matching `''\n", code: 2 });
    expect(await sh.run('echo a | | b')).toMatchObject({ err: "kubelab: syntax error near unexpected token `|'\n", code: 2 });
    expect(await sh.run('echo >')).toMatchObject({ err: "kubelab: syntax error near unexpected token `newline'\n", code: 2 });
    const r = await sh.run('cat <<EOF\nhalf');
    expect(r.out).toBe('half\n');
    expect(r.err).toBe("kubelab: warning: here-document delimited by end-of-file (wanted `EOF')\n");
  });

  it('has the k alias, and alias/unalias as bash', async () => {
    const sh = testShell();
    expect((await sh.run('alias')).out).toBe("alias k='kubectl'\n");
    await sh.run("alias ll='ls -l'");
    expect((await sh.run('alias ll')).out).toBe("alias ll='ls -l'\n");
    await sh.run('touch f');
    expect((await sh.run('ll')).out).toMatch(/^total 0\n-rw-r--r-- 1 student student 0 Jan {2}1 09:00 f\n$/);
    expect((await sh.run("'ll'")).err).toContain('kubelab: ll: command not found');
    await sh.run('unalias k');
    expect((await sh.run('k get pods')).code).toBe(127);
    expect(await sh.run('unalias nope')).toMatchObject({ err: 'kubelab: unalias: nope: not found\n', code: 1 });
  });

  it('expands globs against the workspace, and keeps a pattern that matches nothing', async () => {
    const sh = testShell({ 'a.yaml': '', 'b.yaml': '', 'c.txt': '', 'd/e.yaml': '', '.hidden.yaml': '' });
    expect((await sh.run('echo *.yaml')).out).toBe('a.yaml b.yaml\n');
    expect((await sh.run('echo d/*.yaml ?.txt')).out).toBe('d/e.yaml c.txt\n');
    expect((await sh.run('echo "*.yaml" *.json')).out).toBe('*.yaml *.json\n');
  });

  it('expands !! and !N from the history, and records each line run', async () => {
    const sh = testShell();
    await sh.run('echo one');
    await sh.run(' echo secret');
    const r = await sh.run('!! two');
    expect(r.out).toBe('echo one two\none two\n');
    expect(sh.history).toEqual(['echo one', 'echo one two']);
    expect((await sh.run('!1')).out).toBe('echo one\none\n');
    expect(await sh.run('!nope')).toMatchObject({ err: 'kubelab: !nope: event not found\n', code: 1 });
    expect((await sh.run("echo 'not!!'")).out).toBe('not!!\n');
    expect((await sh.run('history 2')).out).toBe("    4  echo 'not!!'\n    5  history 2\n");
  });

  it('answers an unknown command with a hint, status 127', async () => {
    const sh = testShell();
    expect(await sh.run('kubeclt get pods')).toMatchObject({ err: 'kubelab: kubeclt: command not found\nhint: did you mean "kubectl"?\n', code: 127 });
    expect((await sh.run('docker ps')).err).toContain('hint: this lab has no container engine');
    expect((await sh.run('frobnicate')).err).toBe('kubelab: frobnicate: command not found\nhint: this lab\'s shell runs kubectl and its own builtins, not this computer\'s programs; type "help" for the list\n');
  });

  it('runs loops and conditionals, and exit ends the session with its status', async () => {
    const sh = testShell();
    expect((await sh.run('for n in web api; do echo pod/$n; done')).out).toBe('pod/web\npod/api\n');
    expect((await sh.run('while false; do echo never; done; echo after')).out).toBe('after\n');
    expect((await sh.run('if true; then echo yes; else echo no; fi')).out).toBe('yes\n');
    expect(await sh.run('exit 3')).toMatchObject({ result: 'exit', code: 3 });
    expect(await sh.run('false; exit')).toMatchObject({ result: 'exit', code: 1 });
  });

  it('feeds kubectl apply -f - from a pipe or a here-document, and kubectl output into grep', async () => {
    const sh = testShell({}, {}, await apiServer());
    expect(await sh.run(`echo '${CM('from-pipe')}' | kubectl apply -f -`)).toMatchObject({ out: 'configmap/from-pipe created\n', code: 0 });
    expect((await sh.run(`kubectl apply -f - <<EOF\n${CM('from-doc')}\nEOF`)).out).toBe('configmap/from-doc created\n');
    expect((await sh.run('k get configmaps | grep from-doc | awk \'{print $1}\'')).out).toBe('from-doc\n');
    expect((await sh.run('kubectl get cm -o name | sort -r | xargs kubectl delete')).out).toBe('configmap "from-pipe" deleted\nconfigmap "from-doc" deleted\n');
  });

  it('reads kubectl -f files from the working directory', async () => {
    const sh = testShell({ 'manifests/cm.json': CM('in-dir') }, {}, await apiServer());
    await sh.run('cd manifests');
    expect((await sh.run('kubectl create -f cm.json')).out).toBe('configmap/in-dir created\n');
    expect((await sh.run('kubectl create -f nope.json')).err).toBe('error: the path "nope.json" does not exist\n');
  });

  it('clears the screen with the terminal sequence', async () => {
    expect((await testShell().run('clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
  });
});
