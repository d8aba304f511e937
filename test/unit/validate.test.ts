/**
 * The stored-notebook check: every hostile notebook is refused by the reader (files, storage, the
 * projector channel) with its code, and the same content is refused on the edit path, changing
 * nothing. Limits sit exactly at Excel's: 8,192 characters and 64 nesting levels are accepted.
 */
import { describe, expect, it } from 'vitest';
import { readOpsbookData, toOpsbookFile } from '../../src/model/fileFormat';
import { applyEdit, EditError } from '../../src/model/edit';
import { emptyNotebook } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';
import { formulaNesting, validateNotebook } from '../../src/model/validate';
import { EXCEL_LIMITS } from '../../src/model/limits';
import { templateById, TEMPLATES } from '../../templates/index';
import { hostileNotebooks } from './ioFixtures';

function edited(nb: Notebook, cmd: Parameters<typeof applyEdit>[1]): string | null {
  const before = JSON.stringify(nb);
  try {
    applyEdit(nb, cmd);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(EditError);
    expect(JSON.stringify(nb), 'a refused edit changed the notebook').toBe(before);
    return (e as EditError).code;
  }
}

describe('stored-notebook check', () => {
  for (const h of hostileNotebooks()) {
    it(`refuses ${h.label} (${h.code})`, () => {
      const r = readOpsbookData(JSON.parse(JSON.stringify(toOpsbookFile(h.notebook))));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problem.code).toBe('invalid');
      expect(r.problem.unusable?.map((p) => p.code)).toContain(h.code);
      expect(r.problem.detail.length).toBeGreaterThan(0);
    });
  }

  it('accepts every template and the annual plan', () => {
    for (const t of [...TEMPLATES.map((x) => x.id), 'annual-plan']) {
      const nb = templateById(t)!.create({ locale: 'en' });
      expect(validateNotebook(nb), t).toEqual([]);
    }
  });

  it('takes formulas up to exactly Excel\'s limits', () => {
    const nb = emptyNotebook('x');
    const long = `=${'1+'.repeat((EXCEL_LIMITS.maxFormulaLength - 2) / 2)}1`.slice(0, EXCEL_LIMITS.maxFormulaLength);
    const atLimit = long.endsWith('+') ? `${long.slice(0, -1)}1` : long;
    expect(atLimit.length).toBe(EXCEL_LIMITS.maxFormulaLength);
    const nested = `=${'('.repeat(64)}1${')'.repeat(64)}`;
    expect(formulaNesting(nested)).toBe(64);
    expect(formulaNesting('="((((" & \'a(b\'!A1')).toBe(0);
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: atLimit }, { addr: 'A2', raw: nested }] })).toBeNull();
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A3', raw: `${atLimit}1` }] })).toBe('formulaTooLong');
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A3', raw: `=(${nested.slice(1)})` }] })).toBe('formulaTooNested');
  });

  it('refuses on the edit path what the reader refuses', () => {
    const nb = emptyNotebook('x');
    nb.sheets[0].cells.A1 = 1;
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: 2 }, { addr: 'A200001', raw: 1 }] })).toBe('cellOutsideGrid');
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'XFD1', raw: 1 }] })).toBeNull();
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A200000', raw: 1 }] })).toBe('sheetTooLarge');
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'XFD1', raw: null }] })).toBeNull();
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A200000', raw: 1 }] }), 'a cleared cell frees its area').toBeNull();
    expect(edited(nb, { type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A200000', raw: null }] })).toBeNull();
    expect(edited(nb, { type: 'setFormats', sheet: 'Sheet1', formats: [{ addr: 'A1', format: `0.${'0'.repeat(101)}` }] })).toBe('badFormat');
    expect(edited(nb, { type: 'renameSheet', from: 'Sheet1', to: "'quoted'" })).toBe('sheetName');
    expect(edited(nb, { type: 'addSheet', sheet: { ...nb.sheets[0], name: 'Copy' }, index: 1 })).toBe('sheetIdTaken');
    expect(edited(nb, { type: 'setNames', names: [{ name: 'X', expression: '=1' }, { name: 'x', expression: '=2' }] })).toBe('nameTaken');
    expect(edited(nb, { type: 'setNames', names: [{ name: 'R1C1', expression: '=1' }] })).toBe('badName');
    expect(edited(nb, { type: 'setLayout', items: [{ id: 'c', kind: 'bar', sheet: 'Sheet1', ranges: { v: 'A1:ZZZ9999999' } }] })).toBe('chartRange');
    expect(edited(nb, { type: 'logDecisions', add: [{ id: 'd', at: 1e300, kind: 'edit', target: 'Sheet1!A1', old: 1, new: 2 }] })).toBe('badTime');
    expect(edited(nb, { type: 'setScenarios', scenarios: [{ id: 's', name: 'S', overrides: { 'Sheet1!ZZZ1': 1 } }], active: null })).toBe('badOverride');
    expect(edited(nb, { type: 'setColWidths', sheet: 'Sheet1', widths: { ZZZ: 80 } })).toBe('columnOutsideGrid');
    expect(nb.sheets[0].cells).toEqual({ A1: 1 });
  });
});
