/** journalctl over a node's journal, and the time formats of the node's tools. */
import { describe, expect, it } from 'vitest';
import { crictlTable } from './crictl';
import { Journal, journalctl } from './journal';
import { humanDuration, humanSize, klogLine, systemdAgo, systemdSpan, systemdTime } from './time';

const T = Date.parse('2026-03-01T09:00:00Z');

function journal(): Journal {
  const j = new Journal('kubelab-worker');
  j.add({ time: T, unit: 'containerd.service', ident: 'containerd', pid: 201, message: 'time="2026-03-01T09:00:00Z" level=info msg="starting containerd"' });
  j.add({ time: T + 1000, unit: 'kubelet.service', ident: 'systemd', pid: 1, message: 'Started kubelet.service - kubelet: The Kubernetes Node Agent.' });
  j.add({ time: T + 1500, unit: 'kubelet.service', ident: 'kubelet', pid: 312, message: '"Kubelet version" kubeletVersion="v1.32.4"', klog: { severity: 'I', source: 'server.go:486', micros: 7 } });
  return j;
}

describe('journalctl', () => {
  it('prints a unit in the short format, klog lines with their header', () => {
    expect(journalctl(journal(), ['-u', 'kubelet', '--no-pager']).stdout).toBe(
      'Mar 01 09:00:01 kubelab-worker systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.\n' + 'Mar 01 09:00:01 kubelab-worker kubelet[312]: I0301 09:00:01.500007     312 server.go:486] "Kubelet version" kubeletVersion="v1.32.4"\n',
    );
  });

  it('takes -n, -o cat and says when nothing matches', () => {
    expect(journalctl(journal(), ['-n', '1']).stdout).toMatch(/kubelet\[312\]: I0301/);
    expect(journalctl(journal(), ['-ucontainerd', '-o', 'cat']).stdout).toBe('time="2026-03-01T09:00:00Z" level=info msg="starting containerd"\n');
    expect(journalctl(journal(), ['-u', 'docker']).stdout).toBe('-- No entries --\n');
    expect(journalctl(journal(), ['-n', 'x']).stderr).toBe("Failed to parse lines 'x'.\n");
  });

  it('follows with a cursor: what came after it', () => {
    const j = journal();
    const first = journalctl(j, ['-u', 'kubelet', '-f']);
    expect(first.cursor).toBe(3);
    j.add({ time: T + 5000, unit: 'kubelet.service', ident: 'kubelet', pid: 312, message: 'later', klog: { severity: 'E', source: 'x.go:1', micros: 0 } });
    const next = journalctl(j, ['-u', 'kubelet', '-f'], first.cursor);
    expect(next.stdout).toBe('Mar 01 09:00:05 kubelab-worker kubelet[312]: E0301 09:00:05.000000     312 x.go:1] later\n');
    expect(next.cursor).toBe(4);
  });
});

describe('time formats', () => {
  it('writes klog, systemd and go-units times', () => {
    expect(klogLine('W', T + 12, 4242, 'reset.go:141', 'msg', 345)).toBe('W0301 09:00:00.012345    4242 reset.go:141] msg');
    expect(systemdTime(T)).toBe('Sun 2026-03-01 09:00:00 UTC');
    expect([0, 450, 3000, 90_000, 600_000, 3_720_000, 7 * 3_600_000, 26 * 3_600_000, 3 * 86_400_000].map(systemdAgo)).toEqual(['now', '450ms ago', '3s ago', '1min 30s ago', '10min ago', '1h 2min ago', '7h ago', '1 day 2h ago', '3 days ago']);
    expect([45, 1500, 90_002, 3_725_000].map(systemdSpan)).toEqual(['45ms', '1.5s', '1min 30.002s', '1h 2min 5s']);
    expect([500, 1000, 30_000, 60_000, 300_000, 3_600_000, 5 * 3_600_000, 72 * 3_600_000].map(humanDuration)).toEqual(['Less than a second', '1 second', '30 seconds', 'About a minute', '5 minutes', 'About an hour', '5 hours', '3 days']);
    expect([320_000, 27_189_000, 1_000_000, 999].map(humanSize)).toEqual(['320kB', '27.2MB', '1MB', '999B']);
  });

  it("lays out crictl's tables: at least 20 columns, 3 of padding, the last cell as it is", () => {
    expect(crictlTable([['POD ID', 'NAME'], ['0123456789abc', 'a-pod-whose-name-is-long']])).toBe('POD ID              NAME\n0123456789abc       a-pod-whose-name-is-long\n');
    expect(crictlTable([['A', 'B', 'C'], ['a-name-longer-than-20', 'b', 'c']])).toBe(`${'A'.padEnd(24)}${'B'.padEnd(20)}C\n${'a-name-longer-than-20'.padEnd(24)}${'b'.padEnd(20)}c\n`);
  });
});
