import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../src/i18n/numberFormat';
import { EngineNotebook } from '../../workers/engineCore';

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

  it('shows the ends of the number range as Excel does, never Infinity or NaN', () => {
    const engine = new EngineNotebook({ sheets: [{ name: 'S', cells: { A1: 1.7976931348623157e308, A2: 5e-324, A3: '=A1', A4: '=-A1', A5: '=A2*1' } }], names: [] });
    const shown = ['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => formatValue(engine.value('S', a), undefined));
    engine.destroy();
    expect(shown).toEqual(['1.79769E+308', '0', '1.79769E+308', '-1.79769E+308', '0']);
    expect(formatNumber(1.5e-10, undefined)).toBe('1.5E-10');
    expect(formatNumber(123456789012345680000, undefined)).toBe('1.23457E+20');
  });

  it('shows dates, times and scientific codes as Excel does (the formatter TEXT() uses)', () => {
    expect(formatNumber(45356, 'yyyy-mm-dd')).toBe('2024-03-05');
    expect(formatNumber(45356, '[$-409]d-mmm-yy')).toBe('5-Mar-24');
    expect(formatNumber(45356, 'yyyy年m月')).toBe('2024年3月');
    expect(formatNumber(0.6041666666666666, 'h:mm AM/PM')).toBe('2:30 PM');
    expect(formatNumber(1234.5, '0.00E+00')).toBe('1.23E+03');
    expect(formatNumber(-1, 'yyyy-mm-dd')).toBe('########');
  });

  it('shows 30 decimals where the format asks for them', () => {
    expect(formatNumber(1, `0.${'0'.repeat(30)}`)).toBe(`1.${'0'.repeat(30)}`);
  });

  it('shows errors, booleans and text as they are', () => {
    expect(formatValue({ error: '#DIV/0!' }, '0.0%')).toBe('#DIV/0!');
    expect(formatValue(true, undefined)).toBe('TRUE');
    expect(formatValue('OK', '#,##0')).toBe('OK');
    expect(formatValue(null, undefined)).toBe('');
  });
});
