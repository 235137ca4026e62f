import { describe, expect, it } from 'vitest';
import { addQuantities, goSlice, goValue, quantity, quantityInt, quantityMilli, quantityString, showQuantity } from './values';

describe('describe values', () => {
  it("prints JSON values as Go's %v", () => {
    expect(goValue(null)).toBe('<nil>');
    expect(goValue(3)).toBe('3');
    expect(goValue(0.75)).toBe('0.75');
    expect(goValue(0.00001)).toBe('1e-05');
    expect(goValue(true)).toBe('true');
    expect(goValue(['a', 1])).toBe('[a 1]');
    expect(goValue({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
    expect(goSlice(undefined)).toBe('[]');
  });

  it('adds quantities in the first one’s format and prints their canonical form', () => {
    expect(showQuantity(addQuantities(quantity('100m'), quantity('900m')))).toBe('1');
    expect(showQuantity(addQuantities(quantity('70Mi'), quantity('100Mi')))).toBe('170Mi');
    expect(showQuantity(addQuantities(quantity('0'), quantity('250m')))).toBe('250m');
    expect(quantityString(undefined)).toBe('0');
    expect(quantityString('1024Mi')).toBe('1Gi');
  });

  it('rounds values up as Quantity.Value and MilliValue do', () => {
    expect(quantityInt(quantity('1500m'))).toBe(2);
    expect(quantityMilli(quantity('1.5'))).toBe(1500);
    expect(quantityInt(quantity('64Mi'))).toBe(67108864);
  });
});
