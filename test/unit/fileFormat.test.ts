import { describe, expect, it } from 'vitest';
import { readOpsbookText, serializeOpsbook, FILE_VERSION } from '../../src/model/fileFormat';
import { emptyNotebook } from '../../src/model/notebook';

describe('.opsbook.json reader', () => {
  it('reads back exactly what it wrote', () => {
    const nb = emptyNotebook('Plan');
    nb.sheets[0].cells = { A1: 1, B2: 'text', C3: '=A1*2', D4: true };
    nb.sheets[0].formats = { A1: '#,##0.00' };
    nb.names = [{ name: 'RATE', expression: '=Sheet1!$A$1' }];
    const r = readOpsbookText(serializeOpsbook(nb));
    expect(r).toEqual({ ok: true, notebook: nb, migratedFrom: undefined });
  });

  it('migrates a version-0 file forward', () => {
    const nb = emptyNotebook('Old');
    const v0 = { format: 'opsbook', version: 0, notebook: { ...nb, sheets: [{ id: 's1', name: 'Sheet1', data: { A1: 3 } }], scenarios: undefined, layout: undefined } };
    const r = readOpsbookText(JSON.stringify(v0));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(0);
      expect(r.notebook.sheets[0].cells).toEqual({ A1: 3 });
      expect(r.notebook.scenarios).toEqual([]);
    }
  });

  it.each([
    ['truncated JSON', '{"format":"opsbook","vers', 'notJson'],
    ['not an object', '[1,2]', 'notOpsbook'],
    ['a wrong format name', JSON.stringify({ format: 'excel', version: 1, notebook: {} }), 'notOpsbook'],
    ['a future version', JSON.stringify({ format: 'opsbook', version: FILE_VERSION + 1, notebook: {} }), 'futureVersion'],
  ])('refuses %s', (_what, text, code) => {
    const r = readOpsbookText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
  });

  it('says where a wrongly typed field is', () => {
    const nb = emptyNotebook('x') as unknown as Record<string, unknown>;
    (nb.sheets as Record<string, unknown>[])[0].cells = { A1: { evil: 1 } };
    const r = readOpsbookText(JSON.stringify({ format: 'opsbook', version: 1, notebook: nb }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('invalid');
      expect(r.problem.detail).toContain('sheets.0.cells');
      expect(r.problem.detail).toContain('A1: expected a number');
    }
  });

  it('refuses duplicate sheet names and bad addresses', () => {
    const nb = emptyNotebook('x');
    nb.sheets.push({ ...nb.sheets[0], id: 's2', name: 'SHEET1' });
    expect(readOpsbookText(JSON.stringify({ format: 'opsbook', version: 1, notebook: nb })).ok).toBe(false);
    const nb2 = emptyNotebook('x') as unknown as { sheets: { cells: Record<string, unknown> }[] };
    nb2.sheets[0].cells = { 'A0': 1 };
    expect(readOpsbookText(JSON.stringify({ format: 'opsbook', version: 1, notebook: nb2 })).ok).toBe(false);
  });
});
