import { describe, expect, it } from 'vitest';
import { camelSplit, smartLabel } from './generic';

describe('the generic describer labels', () => {
  it('splits camel case as github.com/fatih/camelcase does', () => {
    expect(camelSplit('lowercase')).toEqual(['lowercase']);
    expect(camelSplit('MyClass')).toEqual(['My', 'Class']);
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('SimpleXMLParser')).toEqual(['Simple', 'XML', 'Parser']);
    expect(camelSplit('vimRPCPlugin')).toEqual(['vim', 'RPC', 'Plugin']);
    expect(camelSplit('GL11Version')).toEqual(['GL', '11', 'Version']);
    expect(camelSplit('BFG9000')).toEqual(['BFG', '9000']);
  });

  it('turns field names into the labels kubectl prints', () => {
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('holderIdentity')).toBe('Holder Identity');
    expect(smartLabel('apiURL')).toBe('API URL');
    expect(smartLabel('web-hook')).toBe('Web - Hook');
    // Anything but letters and dashes keeps the field as it is.
    expect(smartLabel('field_1')).toBe('field_1');
    expect(smartLabel('v1')).toBe('v1');
  });
});
