/**
 * Random working sessions against the real engine: cell writes, rows and columns inserted and
 * deleted, sheet renames and removals, with undo and redo in between — each applied to the
 * document (`applyEdits`, as the session does) and to a live engine (`EngineNotebook.apply`, as the
 * worker does). Checked after every step: the live engine's values are those of an engine built
 * afresh from the document (what a reload computes); the changes it reported bring the previous
 * value store to its values (what the grid shows); an undo returns the document and every value
 * exactly as they were before the edit. At the end, undoing everything restores the start.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toA1 } from '../../src/model/address';
import type { RawContent } from '../../src/model/cell';
import type { EditCommand, SheetValues, StructureCommandType } from '../../src/model/commands';
import { applyEdits, EditError } from '../../src/model/edit';
import { emptyNotebook, emptySheet } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';
import { EngineNotebook } from '../../workers/engineCore';
import { isStructureCommand, moveAddressMap } from '../../src/model/structure';

const raw: fc.Arbitrary<RawContent | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -50, max: 50 }),
  fc.constantFrom('=A1+1', '=SUM(A1:C4)', '=SUM(B:B)', '=SUM(2:3)', '=Costs!B2*2', "=SUM(Costs!A1:D3)", '=RATE+1', '=Sheet1!$C$3', '=IFERROR(A2/B2,0)'),
);

type Action =
  | { kind: 'set'; sheet: number; writes: { row: number; col: number; raw: RawContent | null }[] }
  | { kind: 'structure'; type: StructureCommandType; sheet: number; at: number; count: number }
  | { kind: 'rename'; sheet: number }
  | { kind: 'remove'; sheet: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), sheet: fc.nat(5), writes: fc.array(fc.record({ row: fc.nat(5), col: fc.nat(4), raw }), { minLength: 1, maxLength: 4 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('structure' as const),
      type: fc.constantFrom<StructureCommandType>('insertRows', 'deleteRows', 'insertColumns', 'deleteColumns'),
      sheet: fc.nat(5),
      at: fc.nat(6),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), sheet: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), sheet: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

function initialNotebook(): Notebook {
  const nb = emptyNotebook('Plan');
  nb.sheets[0].cells = { A1: 10, B1: '=A1*2', C1: '=Costs!A1+SUM(A1:A4)', A2: 3, B2: 4, C3: '=SUM(A1:B2)' };
  const costs = emptySheet('Costs');
  costs.cells = { A1: 5, B2: '=Sheet1!A1+A1', C3: '=SUM(Sheet1!A1:C3)', D1: '=RATE*2' };
  nb.sheets.push(costs);
  nb.names = [{ name: 'RATE', expression: '=Sheet1!$A$2' }, { name: 'BLOCK', expression: '=Costs!$A$1:$B$2' }];
  return nb;
}

const clone = <T,>(x: T): T => structuredClone(x);

/** Errors compare by code (and empty sheets are left out): the engine's message names how it got there, which a rebuild does not repeat. */
function comparable(values: SheetValues): unknown {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [sheet, cells] of Object.entries(values)) {
    const o: Record<string, unknown> = {};
    for (const [addr, v] of Object.entries(cells)) o[addr] = v && typeof v === 'object' ? (v as { error: string }).error : v;
    if (Object.keys(o).length) out[sheet] = o; // an empty sheet reads the same with or without its key
  }
  return out;
}

function applyChanges(store: SheetValues, changes: { sheet: string; addr: string; value: unknown }[], cmds: EditCommand[]): void {
  // The session keeps the value store's sheet keys in step with renames and removals, and moves the
  // values of rows/columns inserted or deleted with the document, before the engine answers.
  for (const c of cmds) {
    if (isStructureCommand(c) && store[c.sheet]) store[c.sheet] = moveAddressMap(store[c.sheet], c);
  }
  for (const c of cmds) {
    if (c.type === 'renameSheet') {
      store[c.to] = store[c.from] ?? {};
      delete store[c.from];
    } else if (c.type === 'removeSheet') delete store[c.name];
  }
  for (const c of changes) {
    const sheet = (store[c.sheet] ??= {});
    if (c.value === null) delete sheet[c.addr];
    else sheet[c.addr] = c.value as never;
  }
}

function runSession(actions: Action[]): { applied: number; structural: number } {
  const nb = initialNotebook();
  const start = clone(nb);
  const engine = new EngineNotebook(nb);
  const values0 = engine.allValues();
  const store = clone(values0);
  const undo: { forward: EditCommand[]; inverse: EditCommand[]; before: Notebook; values: unknown }[] = [];
  const redo: typeof undo = [];
  let applied = 0;
  let structural = 0;
  let renames = 0;
  const send = (cmds: EditCommand[]) => {
    const r = engine.apply(cmds);
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (r.ok) applyChanges(store, r.value, cmds);
  };
  const check = (what: string) => {
    const live = engine.allValues();
    expect(comparable(store), `${what}: the reported changes give the engine's values`).toEqual(comparable(live));
    const fresh = new EngineNotebook(nb);
    try {
      expect(comparable(live), `${what}: a rebuild from the document computes what the live engine shows`).toEqual(comparable(fresh.allValues()));
    } finally {
      fresh.destroy();
    }
  };
  try {
    for (const a of actions) {
      if (a.kind === 'undo' || a.kind === 'redo') {
        const entry = (a.kind === 'undo' ? undo : redo).pop();
        if (!entry) continue;
        if (a.kind === 'undo') {
          const cmds = entry.inverse;
          applyEdits(nb, cmds);
          send(cmds);
          expect(nb, 'undo returns the document before the edit').toEqual(entry.before);
          expect(comparable(engine.allValues()), 'undo returns every value').toEqual(entry.values);
          redo.push(entry);
        } else {
          entry.inverse = applyEdits(nb, entry.forward);
          send(entry.forward);
          undo.push(entry);
        }
        check(a.kind);
        continue;
      }
      const pick = (i: number) => nb.sheets[i % nb.sheets.length].name;
      const cmd: EditCommand =
        a.kind === 'set' ? { type: 'setCells', sheet: pick(a.sheet), writes: a.writes.map((w) => ({ addr: toA1(w), raw: w.raw })) }
        : a.kind === 'structure' ? { type: a.type, sheet: pick(a.sheet), at: a.at, count: a.count }
        // Fresh names only: a formula whose sheet was removed reads #REF! in the engine for good, as in Excel.
        : a.kind === 'rename' ? { type: 'renameSheet', from: pick(a.sheet), to: `Renamed ${++renames}` }
        : { type: 'removeSheet', name: pick(a.sheet) };
      const before = clone(nb);
      const valuesBefore = comparable(engine.allValues());
      let inverse: EditCommand[];
      try {
        inverse = applyEdits(nb, [cmd]);
      } catch (e) {
        if (!(e instanceof EditError)) throw e;
        expect(nb).toEqual(before);
        continue;
      }
      send([cmd]);
      undo.push({ forward: [cmd], inverse, before, values: valuesBefore });
      redo.length = 0;
      applied++;
      if (a.kind === 'structure') structural++;
      check(cmd.type);
    }
    while (undo.length) {
      const entry = undo.pop()!;
      applyEdits(nb, entry.inverse);
      send(entry.inverse);
    }
    expect(nb, 'undoing everything returns the initial document').toEqual(start);
    expect(comparable(engine.allValues()), 'and every initial value').toEqual(comparable(values0));
  } finally {
    engine.destroy();
  }
  return { applied, structural };
}

describe('rows and columns inserted and deleted, against the engine (property)', () => {
  it('over random sessions, the live engine agrees with a rebuild from the document, the reported changes are complete, and undo is exact', () => {
    let structural = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 20 }), (actions) => {
        structural += runSession(actions).structural;
      }),
      { numRuns: 100 },
    );
    expect(structural).toBeGreaterThan(120);
  }, 300_000);
});
