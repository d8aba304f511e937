/**
 * Saved layout keys have schemas: a file whose `layout.importReport` or `layout.whatif` has the
 * wrong shape (which crashed the notebook page) opens without that key, saying so; a key no
 * schema names is dropped too; the edit path refuses a value of the wrong shape; what the app
 * itself saves passes.
 */
import { describe, expect, it } from 'vitest';
import { readOpsbookData, toOpsbookFile } from '../../src/model/fileFormat';
import { applyEdit, EditError } from '../../src/model/edit';
import { emptyNotebook } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';
import { templateById } from '../../templates/index';

const read = (nb: Notebook) => readOpsbookData(JSON.parse(JSON.stringify(toOpsbookFile(nb))));

describe('layout key schemas', () => {
  it('drops a damaged import report, keeps the rest of the notebook, and says which key went', () => {
    const nb = emptyNotebook('x');
    nb.sheets[0].cells.A1 = 1;
    nb.layout.importReport = { unsupported: [] };
    nb.layout.whatif = { tornado: 'not an analysis' };
    nb.layout.somethingElse = { a: 1 };
    const r = read(nb);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notebook.layout.importReport).toBeUndefined();
    expect(r.notebook.layout.whatif).toBeUndefined();
    expect(r.notebook.layout.somethingElse).toBeUndefined();
    expect(r.notebook.sheets[0].cells.A1).toBe(1);
    expect(r.dropped?.map((d) => d.split(':')[0]).sort()).toEqual(['layout.importReport', 'layout.somethingElse', 'layout.whatif']);
  });

  it('keeps what the app saves: an import report, a what-if result, the moves log', () => {
    const nb = emptyNotebook('x');
    nb.layout.importReport = { fileName: 'a.xlsx', at: 1, functions: ['XMATCH'], unsupported: [{ sheet: 'Sheet1', addr: 'A1', functions: ['XMATCH'], cached: 3 }], unsupportedCount: 1, warnings: [{ code: 'nameSkipped', detail: 'X' }] };
    nb.layout.whatif = { goalSeek: { config: { target: 'Sheet1!A1' }, result: { value: 2 }, at: 5, ms: 3 } };
    applyEdit(nb, { type: 'insertRows', sheet: 'Sheet1', at: 0, count: 1 } as never);
    const r = read(nb);
    expect(r.ok && r.dropped).toBeFalsy();
    if (r.ok) expect(r.notebook.layout).toEqual(JSON.parse(JSON.stringify(nb.layout)));
  });

  it('the annual plan reads back with every layout key', () => {
    const r = read(templateById('annual-plan')!.create({ locale: 'en' }));
    expect(r.ok && r.dropped).toBeFalsy();
  });

  it('refuses a setLayoutKey of the wrong shape and changes nothing', () => {
    const nb = emptyNotebook('x');
    expect(() => applyEdit(nb, { type: 'setLayoutKey', key: 'importReport', value: { unsupported: [] } })).toThrow(EditError);
    expect(nb.layout.importReport).toBeUndefined();
    applyEdit(nb, { type: 'setLayoutKey', key: 'whatif', value: { tornado: { config: {}, result: {}, at: 1, ms: 1 } } });
    expect(nb.layout.whatif).toBeDefined();
  });
});
