import { describe, expect, it } from 'vitest';
import { DescribeWriter, tabwrite } from './tabwriter';

describe('tabwrite (Go text/tabwriter as kubectl describe sets it)', () => {
  it('pads a column to the widest cell of its block plus two, leaving the last cell unpadded', () => {
    expect(tabwrite('Name:\tnginx\nNamespace:\tdefault\n')).toBe('Name:       nginx\nNamespace:  default\n');
  });

  it('starts a new block after a line without a tab', () => {
    expect(tabwrite('A:\t1\nContainers:\n  LongerKey:\t2\n')).toBe('A:  1\nContainers:\n  LongerKey:  2\n');
  });

  it('pads a tab-terminated empty last cell', () => {
    expect(tabwrite('x\tyy\t\nlonger\ty\tmsg\n')).toBe('x       yy  \nlonger  y   msg\n');
  });

  it('indents by level in the writer, the indent counting in the first cell', () => {
    const w = new DescribeWriter();
    w.write(0, 'Events:\n');
    w.write(1, 'Type\tReason\n');
    w.write(1, 'Normal\tScheduled\n');
    expect(w.toString()).toBe('Events:\n  Type    Reason\n  Normal  Scheduled\n');
    expect(w.raw()).toBe('Events:\n  Type\tReason\n  Normal\tScheduled\n');
  });
});
