import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../src/i18n/numberFormat';

describe('number formats', () => {
  it.each([
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.2121, '0.0%', '21.2%'],
    [0.05, '0%', '5%'],
    [21211.408, '#,##0.00"万元"', '21,211.41万元'],
    [3000, '"¥"#,##0', '¥3,000'],
    [-1500, '#,##0;(#,##0)', '(1,500)'],
    [0, '#,##0;-#,##0;"-"', '-'],
    [-0.111, '0.00%', '-11.10%'],
    [0.1 + 0.2, undefined, '0.3'],
    [12, 'General', '12'],
  ])('formats %s with %s as %s', (n, code, text) => {
    expect(formatNumber(n, code)).toBe(text);
  });

  it('shows errors, booleans and text as they are', () => {
    expect(formatValue({ error: '#DIV/0!' }, '0.0%')).toBe('#DIV/0!');
    expect(formatValue(true, undefined)).toBe('TRUE');
    expect(formatValue('OK', '#,##0')).toBe('OK');
    expect(formatValue(null, undefined)).toBe('');
  });
});
