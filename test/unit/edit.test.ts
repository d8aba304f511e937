import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/model/edit';
import { emptyNotebook, emptySheet, usedExtent } from '../../src/model/notebook';
import type { EditCommand } from '../../src/model/commands';

describe('document edits', () => {
  it('every edit is undone exactly by its inverse', () => {
    const nb = emptyNotebook('t');
    nb.sheets[0].cells = { A1: 1, B1: '=A1*2' };
    nb.names = [{ name: 'X', expression: '=Sheet1!$A$1' }];
    const before = structuredClone(nb);
    const cmds: EditCommand[] = [
      { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 5 }, { addr: 'C1', raw: 'hi' }, { addr: 'B1', raw: null }] },
      { type: 'setFormats', sheet: 'Sheet1', formats: [{ addr: 'A1', format: '0.0%' }] },
      { type: 'addSheet', sheet: { ...emptySheet('Two'), cells: { A1: '=Sheet1!A1' } }, index: 1 },
      { type: 'renameSheet', from: 'Sheet1', to: 'Base Data' },
      { type: 'moveSheet', name: 'Two', index: 0 },
      { type: 'setNames', names: [{ name: 'Y', expression: '=Two!$A$1' }] },
    ];
    const inverse = applyEdits(nb, cmds);
    expect(nb.sheets.map((s) => s.name)).toEqual(['Two', 'Base Data']);
    expect(nb.sheets[0].cells.A1).toBe("='Base Data'!A1");
    applyEdits(nb, inverse);
    expect(nb).toEqual(before);
  });

  it('renaming a sheet rewrites formulas and names that refer to it', () => {
    const nb = emptyNotebook('t');
    nb.sheets.push({ ...emptySheet('Calc'), cells: { A1: '=Sheet1!B2+"Sheet1!B2"' } });
    nb.names = [{ name: 'N', expression: '=Sheet1!$B$2' }];
    applyEdits(nb, [{ type: 'renameSheet', from: 'Sheet1', to: 'Inputs' }]);
    expect(nb.sheets[1].cells.A1).toBe('=Inputs!B2+"Sheet1!B2"');
    expect(nb.names[0].expression).toBe('=Inputs!$B$2');
  });

  it('refuses to remove the last sheet or duplicate a name', () => {
    const nb = emptyNotebook('t');
    expect(() => applyEdits(nb, [{ type: 'removeSheet', name: 'Sheet1' }])).toThrow(/at least one/);
    expect(() => applyEdits(nb, [{ type: 'addSheet', sheet: emptySheet('sheet1'), index: 1 }])).toThrow(/exists/);
  });
});

describe('used extent', () => {
  it('is the smallest rectangle from A1 holding every cell', () => {
    expect(usedExtent({})).toEqual({ rows: 0, cols: 0 });
    expect(usedExtent({ B3: 1, AA1: 'x', C10: '=B3' })).toEqual({ rows: 10, cols: 27 });
  });
});
