import { describe, expect, it } from 'vitest';
import { formatFloatF, formatFloatG, GoInt, sprintf } from './goFormat';
import { executeGoTemplate, parseKubectlTemplate, TemplateExecError, TemplateParseError } from './goTemplate';
import { parseOutput, printObjects } from './output';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { tier: 'front', app: 'web' }, deletionTimestamp: null },
  spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] },
  status: { phase: 'Running', ratio: 0.5, big: 1234567.5 },
};
const run = (t: string, data: unknown = pod, missingKeyError = false) => executeGoTemplate(parseKubectlTemplate(t), data, { missingKeyError });
const execError = (t: string, data: unknown = pod) => {
  try {
    run(t, data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateExecError);
    return (e as TemplateExecError).message;
  }
  throw new Error('no error');
};
const parseError = (t: string) => {
  try {
    parseKubectlTemplate(t);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateParseError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe("kubectl's go-template (Go text/template over the decoded object)", () => {
  it('prints fields, maps in key order, slices and missing keys as Go does', () => {
    expect(run('{{.metadata.name}}/{{.kind}}')).toBe('web/Pod');
    expect(run('{{.metadata.labels}}')).toBe('map[app:web tier:front]');
    expect(run('{{.spec.containers}}')).toBe('[map[image:nginx:1.27 name:nginx] map[image:busybox name:side]]');
    expect(run('{{.metadata.nope}}|{{.metadata.nope.deeper}}|{{.metadata.deletionTimestamp}}')).toBe('<no value>|<no value>|<no value>');
    expect(run('{{.status.ratio}} {{.status.big}} {{.spec.terminationGracePeriodSeconds}}')).toBe('0.5 1.2345675e+06 30');
  });

  it('ranges over slices and maps (sorted), with variables, else, break and continue', () => {
    expect(run('{{range .spec.containers}}{{.name}},{{end}}')).toBe('nginx,side,');
    expect(run('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}} {{end}}')).toBe('app=web tier=front ');
    expect(run('{{range $i, $c := .spec.containers}}{{$i}}{{$c.name}}{{end}}')).toBe('0nginx1side');
    expect(run('{{range .nope}}x{{else}}empty{{end}}')).toBe('empty');
    expect(run('{{range .spec.containers}}{{if eq .name "nginx"}}{{continue}}{{end}}{{.name}}{{end}}')).toBe('side');
    expect(run('{{range .spec.containers}}{{.name}}{{break}}{{end}}')).toBe('nginx');
    expect(run('{{$n := .metadata.name}}{{range .spec.containers}}{{$n}}:{{.name}} {{end}}{{$n = "x"}}{{$n}}')).toBe('web:nginx web:side x');
  });

  it('has if/else if/with, pipelines, parentheses and the builtin functions', () => {
    expect(run('{{if .nope}}a{{else if .kind}}b{{else}}c{{end}}')).toBe('b');
    expect(run('{{with .metadata.labels}}{{.app}}{{end}}{{with .nope}}x{{else with .kind}}{{.}}{{end}}')).toBe('webPod');
    expect(run('{{.spec.containers | len | printf "%d containers"}}')).toBe('2 containers');
    expect(run('{{(index .spec.containers 1).image}} {{index .metadata.labels "app"}} {{index .metadata.labels "nope"}}')).toBe('busybox web <no value>');
    expect(run('{{and .kind 0}} {{or .nope "y"}} {{not .kind}} {{len .metadata.name}}')).toBe('0 y false 3');
    expect(run('{{eq .status.phase "Running" "Pending"}} {{ne 1 2}} {{lt 1 2}} {{ge "a" "b"}}')).toBe('true true true false');
    expect(run('{{if eq .spec.terminationGracePeriodSeconds 30}}thirty{{end}}')).toBe('thirty');
    expect(run('{{print 1 2 "a" "b" 3}}|{{println "x" 1}}')).toBe('1 2ab3|x 1\n');
    expect(run('{{html "<a&b>"}} {{js "it\'s"}} {{urlquery "a b&c"}} {{slice .metadata.name 1}}')).toBe("&lt;a&amp;b&gt; it\\'s a+b%26c eb");
    expect(run('{{exists . "metadata" "labels" "app"}} {{exists . "nope"}} {{base64decode "aGVsbG8="}}')).toBe('true false hello');
    expect(run('{{define "t"}}[{{.}}]{{end}}{{template "t" .kind}}')).toBe('[Pod]');
  });

  it('trims around {{- and -}}, skips comments and writes quoted strings', () => {
    expect(run('a  {{- .kind -}}  b')).toBe('aPodb');
    expect(run('{{- /* a comment */ -}}\n  {{.kind}}{{"\\t"}}{{`raw\\n`}}')).toBe('Pod\traw\\n');
  });

  it('fails to parse as text/template words it', () => {
    expect(parseError('{{foo}}')).toBe('template: output:1: function "foo" not defined');
    expect(parseError('{{.a')).toBe('template: output:1: unclosed action');
    expect(parseError('a\n{{if .a}}\nx')).toBe('template: output:3: unexpected EOF');
    expect(parseError('{{end}}')).toBe('template: output:1: unexpected {{end}}');
    expect(parseError('{{}}')).toBe('template: output:1: missing value for command');
    expect(parseError('{{$x}}')).toBe('template: output:1: undefined variable "$x"');
    expect(parseError('{{break}}')).toBe('template: output:1: {{break}} outside {{range}}');
    expect(parseError('{{#}}')).toBe('template: output:1: unexpected "#" in command');
  });

  it('fails to execute with the node and its position, keeping what was printed', () => {
    expect(execError('{{.metadata.name.x}}')).toBe('template: output:1:11: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}');
    expect(execError('{{index .spec.containers 5}}')).toBe('template: output:1:2: executing "output" at <index .spec.containers 5>: error calling index: index out of range: 5');
    expect(execError('{{eq 1 1.0}}')).toBe('template: output:1:2: executing "output" at <eq 1 1.0>: error calling eq: incompatible types for comparison');
    expect(execError('{{printf}}')).toBe('template: output:1:2: executing "output" at <printf>: wrong number of args for printf: want at least 1 got 0');
    expect(execError('ab\n{{range 3}}{{end}}')).toBe('template: output:2:8: executing "output" at <3>: range can\'t iterate over 3');
    try {
      run('x{{.metadata.name}}{{.nope.x.y.z | len}}');
    } catch (e) {
      expect((e as TemplateExecError).partial).toBe('xweb');
    }
    expect(() => run('{{.nope}}', pod, true)).toThrow('map has no entry for key "nope"');
  });

  it('formats as Go fmt does: int64 and float64, %!verb complaints, half-to-even rounding', () => {
    expect(formatFloatG(1e6)).toBe('1e+06');
    expect(formatFloatG(123456)).toBe('123456');
    expect(formatFloatG(0.00001)).toBe('1e-05');
    expect(formatFloatF(2.25, 1)).toBe('2.2');
    expect(formatFloatF(2.35, 1)).toBe('2.4');
    expect(sprintf('%d %s %5s|%-4s|%05d %x %q %v %T', [new GoInt(3), 'a', 'b', 'c', new GoInt(42), new GoInt(255), 'q', 1.5, new GoInt(1, 'int64')])).toBe('3 a     b|c   |00042 ff "q" 1.5 int64');
    expect(sprintf('%d %s', ['x'])).toBe('%!d(string=x) %!s(MISSING)');
    expect(sprintf('%s', ['a', 'b'])).toBe('a%!(EXTRA string=b)');
  });

  it('is an -o format: go-template=, with kubectl\'s errors for an empty or broken template', () => {
    const format = parseOutput('go-template={{.metadata.name}}{{"\\n"}}', true);
    expect(format.kind).toBe('gotemplate');
    if (format.kind === 'human') throw new Error('human');
    expect(printObjects(format, [pod, { ...pod, metadata: { name: 'db' } }], false, () => '')).toBe('<no value>\n');
    expect(printObjects(parseOutput('go-template={{range .items}}{{.metadata.name}} {{end}}', true) as Exclude<typeof format, { kind: 'human' }>, [pod], false, () => '')).toBe('web ');
    expect(() => parseOutput('go-template=', true)).toThrow('error: template format specified but no template given');
    expect(() => parseOutput('go-template={{x}}', true)).toThrow('error: error parsing template {{x}}, template: output:1: function "x" not defined');
  });
});
