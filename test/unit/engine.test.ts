import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { EngineHost, EngineNotebook, ENGINE_CONFIG } from '../../workers/engineCore';

function book(cells: Record<string, Record<string, string | number | boolean>>, names: { name: string; expression: string }[] = []) {
  return new EngineNotebook({ sheets: Object.entries(cells).map(([name, c]) => ({ name, cells: c })), names });
}

describe('engine', () => {
  it('uses a valid GPL licence key (functions do not return #LIC!)', () => {
    const hf = HyperFormula.buildFromArray([[1, 2, '=SUM(A1:B1)']], ENGINE_CONFIG);
    expect(hf.licenseKeyValidityState).toBe('valid');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(3);
    hf.destroy();
  });

  it('evaluates cross-sheet references and workbook names', () => {
    const b = book({ Inputs: { A1: 10, A2: 0.2 }, Calc: { B2: '=Inputs!A1*(1+RATE)' } }, [{ name: 'RATE', expression: '=Inputs!$A$2' }]);
    expect(b.value('Calc', 'B2')).toBe(12);
  });

  it('shows 0 for a formula that points at an empty cell, as Excel does', () => {
    const b = book({ S: { A1: "='Other sheet'!C12", A2: '=B9', A3: '=IF(TRUE(),"","x")', A4: '=ISBLANK(B9)' }, 'Other sheet': { A1: 1 } });
    expect(b.value('S', 'A1')).toBe(0);
    expect(b.value('S', 'A2')).toBe(0);
    expect(b.value('S', 'A3')).toBe('');
    expect(b.value('S', 'A4')).toBe(true);
  });

  it('keeps literal text as text (no number or date parsing)', () => {
    const b = book({ S: { A1: '5', A2: '10%', A3: '2024-01-01', A4: '=ISTEXT(A1)' } });
    expect(b.value('S', 'A1')).toBe('5');
    expect(b.value('S', 'A2')).toBe('10%');
    expect(b.value('S', 'A3')).toBe('2024-01-01');
    expect(b.value('S', 'A4')).toBe(true);
  });

  it('returns only the cells an edit changed', () => {
    const b = book({ S: { A1: 1, B1: '=A1*2', C1: '=B1+1', A2: 5, B2: '=A2*2' } });
    const r = b.apply([{ type: 'setCells', sheet: 'S', writes: [{ addr: 'A1', raw: 3 }] }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byAddr = Object.fromEntries(r.value.map((c) => [c.addr, c.value]));
    expect(byAddr).toEqual({ A1: 3, B1: 6, C1: 7 });
  });

  it('reports errors as plain data with a message', () => {
    const b = book({ S: { A1: '=1/0', A2: '=NOSUCHFN(1)', A3: '=A3+1', A4: '=SUM(', A5: '=Missing!A1' } });
    expect(b.value('S', 'A1')).toMatchObject({ error: '#DIV/0!' });
    expect(b.value('S', 'A2')).toMatchObject({ error: '#NAME?' });
    expect(b.value('S', 'A3')).toMatchObject({ error: '#CYCLE!' });
    expect(b.value('S', 'A4')).toMatchObject({ error: '#ERROR!' });
    expect(b.value('S', 'A5')).toMatchObject({ error: '#REF!' });
    const a1 = b.value('S', 'A2');
    expect(typeof a1 === 'object' && a1 && 'message' in a1 && a1.message).toMatch(/NOSUCHFN/);
  });

  it('applies structural commands: add, rename and remove sheets, change names', () => {
    const host = new EngineHost();
    host.open('nb', { sheets: [{ name: 'A', cells: { A1: 2 } }], names: [] });
    let r = host.apply('nb', [{ type: 'addSheet', index: 1, sheet: { id: 's2', name: 'B', cells: { A1: '=A!A1*10' }, formats: {} } }]);
    expect(r.ok && r.value.find((c) => c.sheet === 'B' && c.addr === 'A1')?.value).toBe(20);
    r = host.apply('nb', [{ type: 'renameSheet', from: 'A', to: 'Base' }, { type: 'setCells', sheet: 'Base', writes: [{ addr: 'A1', raw: 3 }] }]);
    expect(r.ok && r.value.find((c) => c.sheet === 'B')?.value).toBe(30);
    r = host.apply('nb', [{ type: 'setNames', names: [{ name: 'X', expression: '=Base!$A$1' }] }, { type: 'setCells', sheet: 'B', writes: [{ addr: 'A2', raw: '=X+1' }] }]);
    expect(r.ok && r.value.find((c) => c.addr === 'A2')?.value).toBe(4);
    r = host.apply('nb', [{ type: 'removeSheet', name: 'Base' }]);
    expect(r.ok && r.value.find((c) => c.sheet === 'B' && c.addr === 'A1')?.value).toMatchObject({ error: '#REF!' });
    host.close('nb');
  });

  it('a formula typed after its sheet was removed reads #REF! there, a range too (the engine would throw on it)', () => {
    const host = new EngineHost();
    // As a session meets it: a cell and a name read the sheet before it goes.
    host.open('nb', { sheets: [{ name: 'Main', cells: { A1: 1, C1: '=Costs!A1+SUM(A1:A4)' } }, { name: 'Costs', cells: { A1: 5, B2: '=Main!A1+A1' } }], names: [{ name: 'BLOCK', expression: '=Costs!$A$1:$B$2' }] });
    expect(host.apply('nb', [{ type: 'removeSheet', name: 'Costs' }]).ok).toBe(true);
    const r = host.apply('nb', [{ type: 'setCells', sheet: 'Main', writes: [
      { addr: 'C1', raw: '=SUM(Costs!A1:D3)' },
      { addr: 'C2', raw: '=IFERROR(SUM(Costs!A1:B2),0)+A1' },
      { addr: 'C3', raw: '="Costs!A1"' },
    ] }]);
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    const at = (addr: string) => (r.ok ? r.value.find((c) => c.addr === addr)?.value : undefined);
    expect(at('C1')).toMatchObject({ error: '#REF!' });
    expect(at('C2')).toBe(1);
    expect(at('C3')).toBe('Costs!A1'); // text is text
    host.close('nb');
  });

  it('answers a workbook it cannot build with a failure value', () => {
    const host = new EngineHost();
    const r = host.open('nb', { sheets: [{ name: 'A', cells: {} }, { name: 'a', cells: {} }], names: [] });
    expect(r.ok).toBe(false);
    expect(host.functionNames()).toContain('SUMPRODUCT');
  });

  it('returns a failure value, not an exception, for an impossible edit', () => {
    const host = new EngineHost();
    host.open('nb', { sheets: [{ name: 'A', cells: {} }], names: [] });
    const r = host.apply('nb', [{ type: 'setCells', sheet: 'Nope', writes: [{ addr: 'A1', raw: 1 }] }]);
    expect(r.ok).toBe(false);
  });
});
