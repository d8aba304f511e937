import { describe, expect, it } from 'vitest';
import { diffNotebooks } from '../../src/model/diff';
import { applyEdits } from '../../src/model/edit';
import { emptyNotebook, emptySheet } from '../../src/model/notebook';

describe('notebook differences', () => {
  it('lists changed, added and removed cells by sheet, and sheets on one side only', () => {
    const then = emptyNotebook('Plan');
    then.sheets[0].cells = { A1: 1, A2: '=A1*2', A3: 'label' };
    const now = structuredClone(then);
    applyEdits(now, [
      { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 5 }, { addr: 'A3', raw: null }, { addr: 'B1', raw: 'new' }] },
      { type: 'renameSheet', from: 'Sheet1', to: 'Inputs' },
      { type: 'addSheet', sheet: emptySheet('Extra'), index: 1 },
    ]);
    const d = diffNotebooks(then, now);
    expect(d.cells).toEqual([
      { sheet: 'Inputs', addr: 'A1', then: 1, now: 5 },
      { sheet: 'Inputs', addr: 'A3', then: 'label', now: undefined },
      { sheet: 'Inputs', addr: 'B1', then: undefined, now: 'new' },
    ]);
    expect(d.sheetsOnlyNow).toEqual(['Extra']);
    expect(d.sheetsOnlyThen).toEqual([]);
    expect(diffNotebooks(now, now).cells).toEqual([]);
  });
});
