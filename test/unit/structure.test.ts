/**
 * Inserting and deleting rows and columns: the document's own rewrite (src/model/structure.ts,
 * pointers.ts) against HyperFormula's result for the same operation on the annual plan, every kind
 * of pointer at cells following, exact undo/redo, and a removed sheet coming back whole.
 */
import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { applyEdit, applyEdits } from '../../src/model/edit';
import type { EditCommand, StructureCommandType } from '../../src/model/commands';
import type { Notebook } from '../../src/model/notebook';
import { isFormula } from '../../src/model/cell';
import { moveBinding, moveCellKey, moveFormula, moveRange, moveSpan, movePointer, parsePointer, pointerText, resolvePointer } from '../../src/model/pointers';
import type { StructureChange } from '../../src/model/pointers';
import { changeOf, moveAddressMap, relocate, structureDependents } from '../../src/model/structure';
import { parseRange, toA1 } from '../../src/model/address';
import { templateById } from '../../templates';
import { EngineHost, EngineNotebook, ENGINE_CONFIG } from '../../workers/engineCore';
import { createRoot } from 'solid-js';
import { createNotebookSession } from '../../src/engine/session';
import { createChecks } from '../../src/ui/workbench/checkList';
import type { Workbench } from '../../src/ui/workbench/workbench';
import { checkCells } from '../../src/model/checks';
import type { EngineClient } from '../../src/engine/engineClient';

const plan = (): Notebook => templateById('annual-plan')!.create();
const clone = (nb: Notebook): Notebook => JSON.parse(JSON.stringify(nb)) as Notebook;
const rows = (type: StructureCommandType, sheet: string, at: number, count = 1): EditCommand => ({ type, sheet, at, count });

/** Every formula of the document, as HyperFormula would write it, must be the engine's after the same operation. */
function expectSameAsEngine(nb: Notebook, engine: EngineNotebook): void {
  const hf = engine.hf;
  const mine: string[] = [];
  const theirs: string[] = [];
  for (const s of nb.sheets) {
    const id = hf.getSheetId(s.name)!;
    for (const [addr, raw] of Object.entries(s.cells)) mine.push(`${s.name}!${addr} ${isFormula(raw) ? hf.normalizeFormula(raw) : 'value'}`);
    hf.getSheetSerialized(id).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        theirs.push(`${s.name}!${toA1({ row: r, col: c })} ${typeof v === 'string' && v.startsWith('=') ? v : 'value'}`);
      }),
    );
  }
  // The same cells, and every formula as the engine rewrote it.
  expect(mine.sort()).toEqual(theirs.sort());
  for (const n of nb.names) expect(`${n.name} ${hf.normalizeFormula(n.expression)}`).toBe(`${n.name} ${hf.getNamedExpression(n.name)!.expression}`);
  // And the values: an engine built from the rewritten document computes what the live one does.
  const fresh = new EngineNotebook(nb);
  expect(fresh.allValues()).toEqual(engine.allValues());
  fresh.destroy();
}

describe('span and range arithmetic', () => {
  it('grows a range when rows are inserted inside it or at its last row, moves it when above', () => {
    const r = parseRange('C88:C91')!;
    expect(moveRange(r, 'insert', 'rows', 90, 1)).toEqual(parseRange('C88:C92')); // inserting at row 91
    expect(moveRange(r, 'insert', 'rows', 88, 2)).toEqual(parseRange('C88:C93'));
    expect(moveRange(r, 'insert', 'rows', 87, 1)).toEqual(parseRange('C89:C92')); // at its first row: moves
    expect(moveRange(r, 'insert', 'rows', 91, 1)).toEqual(r); // below it
  });

  it('shrinks a range that loses some rows and drops one that loses all', () => {
    expect(moveSpan(2, 5, 'delete', 4, 1)).toEqual([2, 4]);
    expect(moveSpan(4, 6, 'delete', 2, 3)).toEqual([2, 3]);
    expect(moveSpan(0, 3, 'delete', 2, 4)).toEqual([0, 1]);
    expect(moveSpan(2, 3, 'delete', 1, 5)).toBeNull();
  });

  it('rewrites formula text as Excel does: SUM(C88:C91) → SUM(C88:C92), deleted cells → #REF!', () => {
    const ins: StructureChange = { op: 'insert', axis: 'rows', sheetId: 's', sheet: 'B_Target', at: 90, count: 1 };
    expect(moveFormula('=SUM(C88:C91)', 'B_Target', ins)).toBe('=SUM(C88:C92)');
    expect(moveFormula('=SUM(B_Target!C88:C91)+B_Target!$G$91', 'E_Bonus', ins)).toBe('=SUM(B_Target!C88:C92)+B_Target!$G$92');
    expect(moveFormula('=C91&"C91"', 'E_Bonus', ins)).toBe('=C91&"C91"'); // another sheet's bare C91, and a string
    expect(moveFormula('=SUM(91:91)+SUM(C:C)', 'B_Target', ins)).toBe('=SUM(92:92)+SUM(C:C)');
    const del: StructureChange = { op: 'delete', axis: 'rows', sheetId: 's', sheet: 'B_Target', at: 90, count: 1 };
    expect(moveFormula('=B_Target!G91*2+SUM(B_Target!G88:G91)', 'X', del)).toBe('=#REF!*2+SUM(B_Target!G88:G90)');
    const cols: StructureChange = { op: 'insert', axis: 'cols', sheetId: 's', sheet: 'S', at: 1, count: 2 };
    expect(moveFormula("=SUM(A1:C3)+'S'!$B$2+LOG10(B1)", 'S', cols)).toBe("=SUM(A1:E3)+'S'!$D$2+LOG10(D1)");
  });

  it('moves bindings and keys, dropping parts that are deleted', () => {
    const del: StructureChange = { op: 'delete', axis: 'rows', sheetId: 's', sheet: 'B_Target', at: 43, count: 2 };
    expect(moveBinding('C38:E40,C44:E45', 'B_Target', del)).toBe('C38:E40');
    expect(moveBinding('C38:E40,C44:E46', 'B_Target', del)).toBe('C38:E40,C44:E44');
    expect(moveBinding('C44:E45', 'B_Target', del)).toBe('#REF!');
    expect(moveBinding('TARGET_TOTAL', 'B_Target', del)).toBe('TARGET_TOTAL');
    expect(moveCellKey('B_Target!C50', del)).toBe('B_Target!C48');
    expect(moveCellKey('B_Target!C44', del)).toBeNull();
    expect(moveCellKey('A_Market!C50', del)).toBe('A_Market!C50');
  });

  it('one pointer type: a range by sheet id or a name, one resolver, renames for free', () => {
    const ctx = { sheets: [{ id: 's1', name: 'B_Target' }], names: [{ name: 'TARGET_TOTAL', expression: '=B_Target!$G$45' }] };
    const p = parsePointer(ctx, 'B_Target!C43')!;
    expect(p).toEqual({ sheetId: 's1', range: parseRange('C43') });
    expect(resolvePointer(ctx, { name: 'target_total' })).toEqual({ sheetId: 's1', sheet: 'B_Target', range: parseRange('G45') });
    const moved = movePointer(p, { op: 'insert', axis: 'rows', sheetId: 's1', sheet: 'B_Target', at: 10, count: 3 })!;
    expect(pointerText(ctx, moved)).toBe('B_Target!C46');
    expect(pointerText({ ...ctx, sheets: [{ id: 's1', name: 'Plan 2026' }] }, moved)).toBe("'Plan 2026'!C46");
    expect(movePointer(p, { op: 'delete', axis: 'rows', sheetId: 's1', sheet: 'B_Target', at: 42, count: 1 })).toBeNull();
    expect(movePointer(p, { op: 'removeSheet', sheetId: 's1', sheet: 'B_Target' })).toBeNull();
  });
});

describe('the document against the engine', () => {
  const cases: [string, EditCommand][] = [
    ['insert a row in B_Target above a row every other sheet reads', rows('insertRows', 'B_Target', 35)],
    ['insert three rows inside the region table (SUM grows)', rows('insertRows', 'B_Target', 89, 3)],
    ['insert at the last row of a range', rows('insertRows', 'B_Target', 90)],
    ['delete a row other sheets read', rows('deleteRows', 'B_Target', 90)],
    ['delete rows a range spans partly', rows('deleteRows', 'B_Target', 95, 4)],
    ['delete a row holding a workbook name', rows('deleteRows', 'B_Target', 44)],
    ['insert columns in B_Target', rows('insertColumns', 'B_Target', 3, 2)],
    ['delete a column of B_Target', rows('deleteColumns', 'B_Target', 4)],
    ['insert a row in E_Bonus (names, payout table)', rows('insertRows', 'E_Bonus', 5)],
    ['delete columns on A_Market', rows('deleteColumns', 'A_Market', 2, 2)],
  ];
  for (const [title, cmd] of cases) {
    it(title, () => {
      const nb = plan();
      const before = clone(nb);
      const engine = new EngineNotebook(nb);
      const values0 = engine.allValues();
      const inverse = applyEdit(nb, cmd);
      const r = engine.apply([cmd]);
      expect(r.ok).toBe(true);
      expectSameAsEngine(nb, engine);
      // The changes reported bring a copy of the old values, moved with their cells as the session
      // moves them, to the new ones.
      const store = JSON.parse(JSON.stringify(values0)) as typeof values0;
      const moved = cmd as Extract<EditCommand, { type: StructureCommandType }>;
      store[moved.sheet] = moveAddressMap(store[moved.sheet], moved);
      for (const c of r.ok ? r.value : []) {
        if (c.value === null) delete store[c.sheet][c.addr];
        else store[c.sheet][c.addr] = c.value;
      }
      expect(store).toEqual(engine.allValues());
      // Undo: exactly the document and every value there was.
      const redo = applyEdit(nb, inverse);
      expect(engine.apply([inverse]).ok).toBe(true);
      expect(nb).toEqual(before);
      expect(engine.allValues()).toEqual(values0);
      // Redo, and undo again: still exact.
      const again = applyEdit(nb, redo);
      engine.apply([redo]);
      expectSameAsEngine(nb, engine);
      applyEdit(nb, again);
      engine.apply([again]);
      expect(nb).toEqual(before);
      expect(engine.allValues()).toEqual(values0);
      engine.destroy();
    });
  }

  it('a row inserted above B_Target row 36 keeps every sheet’s numbers and checks', () => {
    const nb = plan();
    const engine = new EngineNotebook(nb);
    const target = engine.value('B_Target', 'G45');
    const bonus = engine.value('E_Bonus', 'C48');
    applyEdit(nb, rows('insertRows', 'B_Target', 35));
    engine.apply([rows('insertRows', 'B_Target', 35)]);
    expect(engine.value('B_Target', 'G46')).toEqual(target);
    expect(engine.value('E_Bonus', 'C48')).toEqual(bonus);
    expect(nb.names.find((n) => n.name === 'TARGET_TOTAL')!.expression).toBe('=B_Target!$G$46');
    // The cross-sheet readers moved with it.
    for (const sheet of ['A_Market', 'C_Ansoff', 'D_Expense', 'E_Bonus']) {
      const formulas = Object.values(nb.sheets.find((s) => s.name === sheet)!.cells).filter((r) => typeof r === 'string' && r.includes('B_Target!'));
      expect(formulas.some((f) => /B_Target!\$?[A-Z]+\$?3[7-9]|B_Target!\$?[A-Z]+\$?(4[6-9]|89|9\d|10\d)/.test(String(f)))).toBe(true);
    }
    engine.destroy();
  });

  it('a removed sheet comes back on undo with every value, no #REF! left', () => {
    const nb = plan();
    const engine = new EngineNotebook(nb);
    const values0 = engine.allValues();
    const cmd: EditCommand = { type: 'removeSheet', name: 'B_Target' };
    const inverse = applyEdit(nb, cmd);
    engine.apply([cmd]);
    expect(JSON.stringify(engine.allValues())).toContain('#REF!');
    applyEdit(nb, inverse);
    engine.apply([inverse]);
    expect(engine.allValues()).toEqual(values0);
    engine.destroy();
  });
});

describe('every pointer at cells follows', () => {
  function prepared(): Notebook {
    const nb = plan();
    const b = nb.sheets.find((s) => s.name === 'B_Target')!;
    b.formats.C50 = '0.0%';
    b.colWidths = { C: 120, E: 90 };
    b.frozen = { rows: 3, cols: 2 };
    nb.scenarios = [
      { id: 'base', name: 'Base', overrides: { 'B_Target!C43': 0.1, 'B_Target!C4': 0.5 } },
      { id: 'up', name: 'Up', overrides: { 'B_Target!C43': 0.2 } },
    ];
    nb.layout.whatif = { goalSeek: { config: { input: 'B_Target!C43', output: 'TARGET_TOTAL', target: 1 }, result: { input: 'B_Target!C43' } } };
    nb.layout.items.push({ id: 'mine', kind: 'bar', sheet: 'B_Target', ranges: { values: 'C88:C91', rowLabels: 'A88:A91', other: 'E_Bonus!C23' } });
    return nb;
  }

  it('formats, widths, frozen panes, scenarios, charts, what-if settings and built-in drivers after an insert', () => {
    const nb = prepared();
    applyEdits(nb, [rows('insertRows', 'B_Target', 1, 2), rows('insertColumns', 'B_Target', 2)]);
    const b = nb.sheets.find((s) => s.name === 'B_Target')!;
    expect(b.formats.D52).toBe('0.0%');
    expect(b.formats.C50).toBeUndefined();
    expect(b.colWidths).toEqual({ D: 120, F: 90 });
    expect(b.frozen).toEqual({ rows: 5, cols: 2 }); // a column inserted right of the pane stays outside it
    expect(Object.keys(nb.scenarios[0].overrides)).toEqual(['B_Target!D45', 'B_Target!D6']);
    expect(nb.scenarios[1].overrides).toEqual({ 'B_Target!D45': 0.2 });
    expect(nb.layout.items.at(-1)!.ranges).toEqual({ values: 'D90:D93', rowLabels: 'A90:A93', other: 'E_Bonus!C23' });
    expect(nb.layout.whatif).toEqual({ goalSeek: { config: { input: 'B_Target!D45', output: 'TARGET_TOTAL', target: 1 }, result: { input: 'B_Target!D45' } } });
    // The built-in tables (drivers, slides) name spec cells; the moves log finds them now.
    expect(relocate(nb.layout, 'B_Target!C43')).toBe('B_Target!D45');
    expect(relocate(nb.layout, 'A_Market!F6')).toBe('A_Market!F6');
    const tdbu = nb.layout.items.find((i) => i.id === 'B_Target.tdbu');
    if (tdbu) for (const v of Object.values(tdbu.ranges)) expect(v).not.toContain('#REF!');
  });

  it('a rename carries saved what-if settings and the built-in tables, and undo puts them back', () => {
    const nb = prepared();
    const before = clone(nb);
    const inv = applyEdit(nb, { type: 'renameSheet', from: 'B_Target', to: 'Plan' });
    expect((nb.layout.whatif as { goalSeek: { config: { input: string } } }).goalSeek.config.input).toBe('Plan!C43');
    expect(relocate(nb.layout, 'B_Target!C43')).toBe('Plan!C43');
    applyEdit(nb, inv);
    expect(nb).toEqual(before);
  });

  it('a deletion drops what pointed only into it, and undo restores it', () => {
    const nb = prepared();
    const before = clone(nb);
    const inv = applyEdit(nb, rows('deleteRows', 'B_Target', 42, 1));
    expect(nb.scenarios[1].overrides).toEqual({});
    expect(relocate(nb.layout, 'B_Target!C43')).toBeNull();
    expect((nb.layout.whatif as { goalSeek: { config: { input: string } } }).goalSeek.config.input).toBe('#REF!');
    applyEdit(nb, inv);
    expect(nb).toEqual(before);
  });

  it('says what depends on rows before they are deleted: counts per kind and the first addresses', () => {
    const nb = prepared();
    const b = nb.sheets.find((s) => s.name === 'B_Target')!;
    const deps = structureDependents(nb, changeOf(b, { type: 'deleteRows', at: 87, count: 4 }), [{ name: 'B_Target!G88', key: 'B_Target!G88' }]);
    const kinds = Object.fromEntries(deps.map((d) => [d.kind, d]));
    expect(kinds.formulas.count).toBeGreaterThan(3);
    expect(kinds.formulas.first.some((a) => a.startsWith('E_Bonus!') || a.startsWith('D_Expense!'))).toBe(true);
    expect(kinds.charts.first).toContain('mine');
    expect(kinds.drivers.first).toEqual(['B_Target!G88']);
    // Nothing reads an empty row far below the model.
    expect(structureDependents(nb, changeOf(b, { type: 'deleteRows', at: 5000, count: 2 }))).toEqual([]);
    // An empty row inside ranges (the region table's totals, REGION_NAME) only shrinks them: nothing to ask;
    // an empty cell read on its own would turn into #REF!, and that is said.
    applyEdit(nb, rows('insertRows', 'B_Target', 89));
    expect(structureDependents(nb, changeOf(b, { type: 'deleteRows', at: 89, count: 1 }))).toEqual([]);
    b.cells.K2 = '=C90';
    const one = structureDependents(nb, changeOf(b, { type: 'deleteRows', at: 89, count: 1 }));
    expect(one).toEqual([{ kind: 'formulas', count: 1, first: ['B_Target!K2'] }]);
    // A sheet removal: the other sheets' formulas and the names that read it.
    const gone = structureDependents(nb, { op: 'removeSheet', sheetId: b.id, sheet: 'B_Target' });
    expect(gone.find((d) => d.kind === 'names')!.first).toContain('W_TREND');
    expect(gone.find((d) => d.kind === 'formulas')!.count).toBeGreaterThan(10);
  });

  it('follows into formulas that name the sheet quoted, apostrophes doubled', () => {
    const nb = plan();
    nb.sheets.find((s) => s.name === 'A_Market')!.name = "O'Brien";
    const other = nb.sheets.find((s) => s.name === 'E_Bonus')!;
    other.cells.Z1 = "='O''Brien'!A5+1";
    applyEdit(nb, rows('insertRows', "O'Brien", 0, 2));
    expect(other.cells.Z1).toBe("='O''Brien'!A7+1");
  });

  it('keeps a link stub’s rows and columns where the template reads them (the real sheet replaces it unchanged)', () => {
    const nb = templateById('bonus-plan')!.create();
    const stub = nb.sheets.find((s) => s.stub)!;
    const before = clone(nb);
    expect(() => applyEdit(nb, rows('insertRows', stub.name, 0))).toThrow(/link stub/);
    expect(() => applyEdit(nb, rows('deleteColumns', stub.name, 1))).toThrow(/link stub/);
    expect(nb).toEqual(before);
  });

  it('refuses an insert that would push cells off the sheet, changing nothing', () => {
    const nb = plan();
    const before = clone(nb);
    expect(() => applyEdit(nb, rows('insertRows', 'B_Target', 0, 199_950))).toThrow(/push cells/);
    expect(() => applyEdit(nb, rows('deleteRows', 'B_Target', -1, 1))).toThrow();
    expect(nb).toEqual(before);
  });
});

it('HyperFormula config is what the engine uses (sanity for the comparisons above)', () => {
  expect(HyperFormula.version).toMatch(/^3\./);
  expect(ENGINE_CONFIG.licenseKey).toBe('gpl-v3');
});

/** A real engine in this thread whose answers to edits wait while `hold` is set, until `release()`. */
function heldEngine() {
  const host = new EngineHost();
  let releaseNext: () => void = () => {};
  const held = {
    hold: false,
    release: () => releaseNext(),
    client: (): EngineClient => ({
      api: {
        open: async (id: string, wb: Parameters<EngineHost['open']>[1]) => host.open(id, wb),
        apply: async (id: string, cmds: Parameters<EngineHost['apply']>[1]) => {
          if (held.hold) await new Promise<void>((r) => { releaseNext = r; });
          return host.apply(id, cmds);
        },
        ping: async () => 'pong',
      } as unknown as EngineClient['api'],
      worker: {} as Worker, terminate() {}, died: new Promise(() => {}), underPolicy: true,
    }),
  };
  return held;
}

describe('the session', () => {
  it('moves computed values with their cells in the same update as the document, before the engine answers', async () => {
    await createRoot(async (dispose) => {
      const engine = heldEngine();
      const nb = plan();
      const s = createNotebookSession(nb, { startEngine: engine.client });
      await s.start();
      const west = s.values.B_Target.A35;
      const total = s.values.B_Target.C36;
      const after = JSON.parse(JSON.stringify(s.values.E_Bonus)) as unknown;
      engine.hold = true;
      s.edit([{ type: 'insertRows', sheet: 'B_Target', at: 34, count: 1 }]);
      // The engine has not answered: the grid already shows West and the total one row down, nothing at row 35.
      expect(s.engineState()).toBe('busy');
      expect(s.values.B_Target.A36).toBe(west);
      expect(s.values.B_Target.C37).toBe(total);
      expect(s.values.B_Target.A35).toBeUndefined();
      engine.release();
      await expect.poll(() => s.engineState()).toBe('ready');
      const fresh = new EngineNotebook(s.plain());
      expect(JSON.parse(JSON.stringify(s.values))).toEqual(fresh.allValues());
      expect(s.values.E_Bonus).toEqual(after);
      fresh.destroy();
      s.close();
      dispose();
    });
  });

  it('the checks follow a row deletion and its undo at once: no check reads another cell meanwhile', async () => {
    await createRoot(async (dispose) => {
      const engine = heldEngine();
      const s = createNotebookSession(plan(), { startEngine: engine.client });
      await s.start();
      const checks = createRoot(() => createChecks({ session: s } as unknown as Workbench));
      await expect.poll(() => checks.summary().results.length).toBeGreaterThan(0);
      const err0 = checks.summary().err;
      const where = () => checks.summary().results.map((r) => `${r.sheet}!${r.addr}`);
      const expected = () => checkCells(s.plain()).map((c) => `${c.sheet}!${c.addr}`);
      const before = where();
      engine.hold = true;
      s.edit([{ type: 'deleteRows', sheet: 'B_Target', at: 44, count: 1 }]);
      expect(where()).toEqual(expected());
      expect(where()).not.toEqual(before);
      expect(checks.summary().err).toBe(err0); // the values moved with their cells; the engine has not answered
      engine.release();
      await expect.poll(() => s.engineState()).toBe('ready');
      expect(checks.summary().err).toBeGreaterThan(err0); // the deleted row's readers are #REF!
      s.undo();
      expect(where()).toEqual(before);
      engine.release();
      await expect.poll(() => s.engineState()).toBe('ready');
      expect(checks.summary().err).toBe(err0);
      s.close();
      dispose();
    });
  });
});
