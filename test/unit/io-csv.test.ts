import { describe, expect, it } from 'vitest';
import { csvField, toCsv, valuesToRows } from '../../src/io/csv';

describe('CSV export', () => {
  it('quotes as RFC 4180 says, ends rows with CRLF and starts with a UTF-8 BOM', () => {
    const csv = toCsv([
      ['name', 'note'],
      ['北京', 'a, b'],
      ['say "hi"', 'two\nlines'],
    ]);
    expect(csv).toBe('\uFEFFname,note\r\n北京,"a, b"\r\n"say ""hi""","two\nlines"\r\n');
    expect(toCsv([[1, 2]], { bom: false, delimiter: ';' })).toBe('1;2\r\n');
  });

  it('neutralises fields a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvField('+cmd|/c calc!A0')).toBe("'+cmd|/c calc!A0");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('leaves numbers alone, raw or formatted', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe('-5');
    expect(csvField('-1,234.50')).toBe('"-1,234.50"');
    expect(csvField('-12%')).toBe('-12%');
    expect(csvField('+3.5e2')).toBe('+3.5e2');
    expect(csvField('-')).toBe("'-");
  });

  it('writes booleans, errors and empty cells as a sheet shows them', () => {
    expect(toCsv([[true, false, { error: '#DIV/0!' }, null, '']], { bom: false })).toBe('TRUE,FALSE,#DIV/0!,,\r\n');
  });

  it('turns a sheet of sparse values into rows from A1 to the last used cell', () => {
    expect(valuesToRows({ B1: 'x', A3: 2, C2: null })).toEqual([
      [null, 'x'],
      [null, null],
      [2, null],
    ]);
  });
});
