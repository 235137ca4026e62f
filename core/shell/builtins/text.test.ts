import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';

const PODS = ['NAME    READY   STATUS    RESTARTS   AGE', 'web-1   1/1     Running   0          5m', 'web-2   0/1     Pending   0          5m', 'db-0    1/1     Running   2          9m', ''].join('\n');

describe('text builtins (GNU output and messages)', () => {
  it('grep with -i -v -c -n -E -o -w, several files, and its statuses', async () => {
    const sh = testShell({ 'pods.txt': PODS, 'other.txt': 'Running late\n' });
    expect((await sh.run('grep Running pods.txt')).out).toBe('web-1   1/1     Running   0          5m\ndb-0    1/1     Running   2          9m\n');
    expect((await sh.run('grep -c web pods.txt')).out).toBe('2\n');
    expect((await sh.run('grep -n -i PENDING pods.txt')).out).toBe('3:web-2   0/1     Pending   0          5m\n');
    expect((await sh.run('grep -v -E "Running|NAME" pods.txt')).out).toBe('web-2   0/1     Pending   0          5m\n');
    expect((await sh.run("grep -o 'web-[0-9]' pods.txt")).out).toBe('web-1\nweb-2\n');
    expect((await sh.run("grep 'web-\\(1\\|2\\)' pods.txt | wc -l")).out).toBe('2\n');
    expect((await sh.run('grep -c Running pods.txt other.txt')).out).toBe('pods.txt:2\nother.txt:1\n');
    expect((await sh.run('grep nothing pods.txt')).code).toBe(1);
    expect(await sh.run('grep x nope')).toMatchObject({ err: 'grep: nope: No such file or directory\n', code: 2 });
    expect(await sh.run('grep')).toMatchObject({ err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 });
    const tty = testShell({ 'pods.txt': PODS }, { terminal: { columns: () => 80, rows: () => 24 } });
    expect((await tty.run('grep Pending pods.txt')).out).toBe('web-2   0/1     \x1b[01;31m\x1b[KPending\x1b[m\x1b[K   0          5m\n');
  });

  it('head, tail, wc with GNU widths', async () => {
    const sh = testShell({ 'pods.txt': PODS, 'one.txt': 'hi\n' });
    expect((await sh.run('head -n 2 pods.txt')).out).toBe(PODS.split('\n').slice(0, 2).join('\n') + '\n');
    expect((await sh.run('head -1 pods.txt')).out).toBe(`${PODS.split('\n')[0]}\n`);
    expect((await sh.run('tail -n 1 pods.txt')).out).toBe('db-0    1/1     Running   2          9m\n');
    expect((await sh.run('tail -n +4 pods.txt')).out).toBe('db-0    1/1     Running   2          9m\n');
    expect(await sh.run('head -n x pods.txt')).toMatchObject({ err: 'head: invalid number of lines: \u2018x\u2019\n', code: 1 });
    expect((await sh.run('tail nope')).err).toBe("tail: cannot open 'nope' for reading: No such file or directory\n");
    expect((await sh.run('wc -l pods.txt')).out).toBe('4 pods.txt\n');
    expect((await sh.run('wc one.txt')).out).toBe('1 1 3 one.txt\n');
    expect((await sh.run('wc -l pods.txt one.txt')).out).toBe('  4 pods.txt\n  1 one.txt\n  5 total\n');
    expect((await sh.run('cat pods.txt | wc -l')).out).toBe('4\n');
    expect((await sh.run('echo hi | wc')).out).toBe('      1       1       3\n');
    expect(await sh.run('wc nope')).toMatchObject({ err: 'wc: nope: No such file or directory\n', code: 1 });
  });

  it('sort (-r -n -k -u), uniq -c, cut -d -f', async () => {
    const sh = testShell({ 'pods.txt': PODS });
    expect((await sh.run("echo 'b 2' > n.txt; echo 'a 10' >> n.txt; echo 'c 1' >> n.txt; sort -k2 -n n.txt")).out).toBe('c 1\nb 2\na 10\n');
    expect((await sh.run('sort -r n.txt')).out).toBe('c 1\nb 2\na 10\n');
    expect((await sh.run('tail -n +2 pods.txt | awk \'{print $3}\' | sort | uniq -c')).out).toBe('      1 Pending\n      2 Running\n');
    expect((await sh.run('echo "b\na\nb" | sort -u')).out).toBe('a\nb\n');
    expect((await sh.run('echo "a:b:c" | cut -d: -f2-')).out).toBe('b:c\n');
    expect((await sh.run('echo "a:b:c" | cut -d: -f1,3')).out).toBe('a:c\n');
    expect((await sh.run('cut pods.txt')).err).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(await sh.run('sort nope')).toMatchObject({ err: 'sort: cannot read: nope: No such file or directory\n', code: 2 });
  });

  it("awk prints fields ('{print $N}', -F, NR, NF, patterns, END) and refuses the rest with a sentence", async () => {
    const sh = testShell({ 'pods.txt': PODS });
    expect((await sh.run("awk 'NR>1 {print $1, $3}' pods.txt")).out).toBe('web-1 Running\nweb-2 Pending\ndb-0 Running\n');
    expect((await sh.run("awk '$3 == \"Running\" && $4 > 0 {print $1}' pods.txt")).out).toBe('db-0\n');
    expect((await sh.run("awk '/Pending/ {print $NF \"-\" $(NF-1)}' pods.txt")).out).toBe('5m-0\n');
    expect((await sh.run("echo 'a,b,c' | awk -F, '{print $2}'")).out).toBe('b\n');
    expect((await sh.run("awk 'END {print NR}' pods.txt")).out).toBe('4\n');
    expect((await sh.run("echo x | awk '{print toupper($1), length}'")).out).toBe('X 1\n');
    const bad = await sh.run("awk '{sum += $4} END {print sum}' pods.txt");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("this lab's awk runs print programs only");
  });

  it('sed s///g with addresses, -n p, -i, and GNU messages', async () => {
    const sh = testShell({ 'pod.yaml': 'image: nginx:1.25\nname: web\n' });
    expect((await sh.run("sed 's/nginx:1.25/nginx:1.27/' pod.yaml")).out).toBe('image: nginx:1.27\nname: web\n');
    expect((await sh.run("echo aaa | sed 's/a/b/g'")).out).toBe('bbb\n');
    expect((await sh.run("echo aaa | sed 's/a/b/2'")).out).toBe('aba\n');
    expect((await sh.run("echo 'web-1' | sed -E 's/([a-z]+)-([0-9])/\\2:\\1 &/'")).out).toBe('1:web web-1\n');
    expect((await sh.run("sed -n '/name/p' pod.yaml")).out).toBe('name: web\n');
    expect((await sh.run("sed '1d' pod.yaml")).out).toBe('name: web\n');
    await sh.run("sed -i 's|web|api|' pod.yaml");
    expect(sh.fs.files.get('/pod.yaml')?.text).toBe('image: nginx:1.25\nname: api\n');
    expect(await sh.run("sed 's/a/b' pod.yaml")).toMatchObject({ err: "sed: -e expression #1, char 5: unterminated `s' command\n", code: 1 });
    expect((await sh.run("sed s/a/b/ nope")).err).toBe("sed: can't read nope: No such file or directory\n");
  });

  it('tr and base64 (a Secret value round trip)', async () => {
    const sh = testShell();
    expect((await sh.run('echo hello | tr a-z A-Z')).out).toBe('HELLO\n');
    expect((await sh.run("echo 'a  b' | tr -s ' '")).out).toBe('a b\n');
    expect((await sh.run('echo hello | tr -d l')).out).toBe('heo\n');
    expect((await sh.run("echo 'x y' | tr '[:lower:]' '[:upper:]'")).out).toBe('X Y\n');
    expect((await sh.run('tr a')).err).toBe("tr: missing operand after \u2018a\u2019\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
    expect((await sh.run('echo -n s3cr3t | base64')).out).toBe('czNjcjN0\n');
    expect((await sh.run('echo czNjcjN0 | base64 -d')).out).toBe('s3cr3t');
    expect(await sh.run("echo '!!!' | base64 -d")).toMatchObject({ err: 'base64: invalid input\n', code: 1 });
  });

  it('xargs runs a command with the words of its input', async () => {
    const sh = testShell({ a: '1\n', b: '2\n' });
    expect((await sh.run('echo a b | xargs cat')).out).toBe('1\n2\n');
    expect((await sh.run('echo a b | xargs -n 1 echo file')).out).toBe('file a\nfile b\n');
    expect((await sh.run('echo "a\nb" | xargs -I {} echo [{}]')).out).toBe('[a]\n[b]\n');
    expect((await sh.run('echo nope | xargs cat')).code).toBe(123);
  });

  it('watch re-runs a command until Ctrl-C; sleep waits unless interrupted', async () => {
    let waits = 0;
    const abort = { aborted: false, listeners: [] as (() => void)[], addEventListener(_t: 'abort', f: () => void) { this.listeners.push(f); } };
    const sh = testShell(
      { f: 'content\n' },
      {
        sleep: async () => {
          if (++waits === 3) {
            abort.aborted = true;
            for (const l of abort.listeners) l();
          }
        },
        now: () => Date.parse('2026-01-01T09:30:00Z'),
      },
    );
    let out = '';
    const engine = sh.engine;
    (engine as unknown as { io: { out: (t: string) => void } }).io.out = (t) => (out += t);
    await engine.run('watch -n 5 cat f', abort);
    expect(out).toBe(`${'Every 5.0s: cat f'.padEnd(80 - 'kubelab: Thu Jan  1 09:30:00 2026'.length)}kubelab: Thu Jan  1 09:30:00 2026\n\ncontent\n`.repeat(3));
    expect((await sh.run('sleep 1 2s 0.5')).code).toBe(0);
    expect((await sh.run('sleep x')).err).toBe("sleep: invalid time interval \u2018x\u2019\nTry 'sleep --help' for more information.\n");
  });

  it('echo -n -e, and help lists the builtins', async () => {
    const sh = testShell();
    expect((await sh.run('echo -e "a\\tb"; echo -n x')).out).toBe('a\tb\nx');
    const help = (await sh.run('help')).out;
    for (const word of ['kubectl COMMAND', 'grep', 'watch', 'cat <<EOF > pod.yaml', 'history']) expect(help).toContain(word);
  });
});
