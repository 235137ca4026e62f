import { describe, expect, it } from 'vitest';
import { cpuQuantity, goDuration, memoryQuantity } from './format';

describe('metrics quantities (metrics-server 0.7)', () => {
  it('writes CPU in canonical nanocores and memory in binary units', () => {
    expect(cpuQuantity(1.234567)).toBe('1234567n');
    expect(cpuQuantity(5)).toBe('5m');
    expect(cpuQuantity(1000)).toBe('1');
    expect(cpuQuantity(0)).toBe('0');
    expect(memoryQuantity(76012 * 1024)).toBe('76012Ki');
    expect(memoryQuantity(1024 * 1024)).toBe('1Mi');
    expect(memoryQuantity(1000)).toBe('1000');
    expect(goDuration(10)).toBe('10s');
    expect(goDuration(90)).toBe('1m30s');
  });
});
