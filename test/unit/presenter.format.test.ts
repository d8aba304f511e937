import { describe, expect, it } from 'vitest';
import { formatDriver } from '../../src/ui/kpiFormat';

describe('drivers show the precision of their step, and of their value', () => {
  it('21.6 % on a 1-point slider, 80 % when the value is on the step', () => {
    expect(formatDriver(0.216, { unit: 'percent', step: 0.01 }, 'en')).toBe('21.6%');
    expect(formatDriver(0.8, { unit: 'percent', step: 0.01 }, 'en')).toBe('80%');
    expect(formatDriver(0.015, { unit: 'percent', step: 0.001 }, 'en')).toBe('1.5%');
    expect(formatDriver(0.21634, { unit: 'percent', step: 0.01 }, 'en')).toBe('21.6%');
    expect(formatDriver(2, { unit: 'times', step: 0.1 }, 'en')).toBe('2.0×');
  });
});
