/**
 * Properties of the document model and its storage, over random working sessions: sequences of
 * cell writes, sheet additions, renames, removals and moves, rows and columns inserted and
 * deleted, with undo and redo in between, each
 * applied with `applyEdits` as the session does, and the notebook written to IndexedDB
 * (fake-indexeddb) and read back — sometimes through a freshly opened database, as after a reload.
 *
 * Checked after every step: what storage gives back equals the document; an undo returns exactly
 * the document before the edit and a redo exactly the one after it; a refused edit changes
 * nothing; and at the end, undoing everything returns the initial document.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualify, toA1 } from '../../src/model/address';
import type { RawContent } from '../../src/model/cell';
import type { EditCommand, StructureCommandType } from '../../src/model/commands';
import { applyEdits, EditError } from '../../src/model/edit';
import { emptyNotebook, emptySheet, findSheet } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';
import { NotebookStore } from '../../src/storage/db';

/** Names sheets get, and formulas refer to (some of them name no sheet at the time). */
const POOL = ['Sheet1', 'Sheet2', 'Costs', 'My Plan', '数据', "O'Brien", 'costs'];

const raw: fc.Arbitrary<RawContent | null> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => n + 0),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=A1+1', '=SUM(A1:B3)', '="text"', "'007"),
  fc.tuple(fc.constantFrom(...POOL), fc.nat(5), fc.nat(5)).map(([s, r, c]) => `=${qualify(s, toA1({ row: r, col: c }))}*2`),
);

/** A user action, in terms that are made concrete against the document of the moment. */
type Action =
  | { kind: 'set'; sheet: number; writes: { row: number; col: number; raw: RawContent | null }[] }
  | { kind: 'add'; name: string; index: number; withCells: boolean }
  | { kind: 'rename'; sheet: number; name: string }
  | { kind: 'remove'; sheet: number }
  | { kind: 'move'; sheet: number; index: number }
  | { kind: 'structure'; type: StructureCommandType; sheet: number; at: number; count: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'reload' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), sheet: fc.nat(9), writes: fc.array(fc.record({ row: fc.nat(6), col: fc.nat(4), raw }), { minLength: 1, maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom(...POOL), index: fc.nat(6), withCells: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), sheet: fc.nat(9), name: fc.constantFrom(...POOL) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), sheet: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), sheet: fc.nat(9), index: fc.nat(6) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('structure' as const),
      type: fc.constantFrom<StructureCommandType>('insertRows', 'deleteRows', 'insertColumns', 'deleteColumns'),
      sheet: fc.nat(9),
      at: fc.nat(7),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

/** The edit an action makes on `nb`, as the UI would send it. */
function commandFor(nb: Notebook, a: Exclude<Action, { kind: 'undo' | 'redo' | 'reload' }>): EditCommand {
  const pick = (i: number) => nb.sheets[i % nb.sheets.length].name;
  switch (a.kind) {
    case 'set':
      return { type: 'setCells', sheet: pick(a.sheet), writes: a.writes.map((w) => ({ addr: toA1(w), raw: w.raw })) };
    case 'add':
      return { type: 'addSheet', sheet: { ...emptySheet(a.name), cells: a.withCells ? { A1: 1, B2: '=A1+1' } : {} }, index: a.index };
    case 'rename':
      return { type: 'renameSheet', from: pick(a.sheet), to: a.name };
    case 'remove':
      return { type: 'removeSheet', name: pick(a.sheet) };
    case 'move':
      return { type: 'moveSheet', name: pick(a.sheet), index: a.index };
    case 'structure':
      return { type: a.type, sheet: pick(a.sheet), at: a.at, count: a.count };
  }
}

/** What the edit must have done, checked independently of `applyEdit`'s own code. */
function expectEffect(before: Notebook, after: Notebook, cmd: EditCommand): void {
  const names = (nb: Notebook) => nb.sheets.map((s) => s.name);
  const inserted = (list: string[], index: number, name: string) => [...list.slice(0, index), name, ...list.slice(index)];
  switch (cmd.type) {
    case 'setCells': {
      const sheet = findSheet(after, cmd.sheet)!;
      const last = new Map(cmd.writes.map((w) => [w.addr, w.raw]));
      for (const [addr, value] of last) expect(sheet.cells[addr]).toEqual(value === null ? undefined : value);
      expect(names(after)).toEqual(names(before));
      break;
    }
    case 'addSheet':
      expect(names(after)).toEqual(inserted(names(before), Math.min(cmd.index, before.sheets.length), cmd.sheet.name));
      break;
    case 'removeSheet':
      expect(names(after)).toEqual(names(before).filter((n) => n !== cmd.name));
      break;
    case 'moveSheet': {
      const rest = names(before).filter((n) => n !== cmd.name);
      expect(names(after)).toEqual(inserted(rest, Math.min(cmd.index, rest.length), cmd.name));
      break;
    }
    case 'renameSheet':
      expect(names(after)).toEqual(names(before).map((n) => (n === cmd.from ? cmd.to : n)));
      break;
    default:
      break;
  }
}

let dbCount = 0;

/** Runs a session of actions; answers how many edits were applied and refused. */
async function runSession(initial: Notebook, actions: Action[]): Promise<{ applied: number; refused: number }> {
  const dbName = `property-storage-${++dbCount}`;
  let store = await NotebookStore.open(dbName);
  const nb = structuredClone(initial);
  // The documents the history leads through: undo must land exactly on the one before.
  const undo: { forward: EditCommand[]; inverse: EditCommand[]; before: Notebook; after: Notebook }[] = [];
  const redo: typeof undo = [];
  let applied = 0;
  let refused = 0;
  try {
    for (const a of actions) {
      if (a.kind === 'undo') {
        const entry = undo.pop();
        if (!entry) continue;
        applyEdits(nb, entry.inverse);
        expect(nb, 'undo returns the document before the edit').toEqual(entry.before);
        redo.push(entry);
      } else if (a.kind === 'redo') {
        const entry = redo.pop();
        if (!entry) continue;
        entry.inverse = applyEdits(nb, entry.forward);
        expect(nb, 'redo returns the document after the edit').toEqual(entry.after);
        undo.push(entry);
      } else if (a.kind === 'reload') {
        store.close();
        store = await NotebookStore.open(dbName);
      } else {
        const cmd = commandFor(nb, a);
        const before = structuredClone(nb);
        try {
          const inverse = applyEdits(nb, [cmd]);
          expectEffect(before, nb, cmd);
          undo.push({ forward: [cmd], inverse, before, after: structuredClone(nb) });
          redo.length = 0;
          applied++;
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
          expect(nb, `a refused ${cmd.type} (${e.code}) changes nothing`).toEqual(before);
          refused++;
        }
      }
      // Autosave writes the document; what comes back is the document.
      await store.put(nb);
      expect(await store.get(nb.id)).toEqual(nb);
    }
    while (undo.length) applyEdits(nb, undo.pop()!.inverse);
    expect(nb, 'undoing everything returns the initial document').toEqual(initial);
    await store.put(nb);
    store.close();
    store = await NotebookStore.open(dbName);
    expect(await store.get(nb.id)).toEqual(initial);
    expect((await store.list()).map((s) => s.title)).toEqual([initial.title]);
  } finally {
    store.close();
  }
  return { applied, refused };
}

describe('document model and storage (property)', () => {
  it('over random sessions of edits, undo, redo and reloads, storage always holds the document, and undoing everything restores the start', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 60 }), async (actions) => {
        const initial = emptyNotebook('Plan');
        initial.sheets[0].cells = { A1: 10, B1: '=A1*2', C1: '=Costs!A1' };
        initial.names = [{ name: 'RATE', expression: '=Sheet1!$A$1' }];
        const r = await runSession(initial, actions);
        applied += r.applied;
        refused += r.refused;
      }),
      { numRuns: 500 },
    );
    // The generator really exercised both paths.
    expect(applied).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(60);
    console.log(`[property-storage] ${applied} edits applied, ${refused} refused`);
  });

  it('a group of edits with a refused one in it changes nothing', () => {
    fc.assert(
      fc.property(fc.array(action.filter((a) => !['undo', 'redo', 'reload'].includes(a.kind)), { minLength: 2, maxLength: 5 }), (actions) => {
        const nb = emptyNotebook('Plan');
        nb.sheets.push(emptySheet('Costs'));
        const cmds = actions.map((a) => commandFor(nb, a as Exclude<Action, { kind: 'undo' | 'redo' | 'reload' }>));
        const before = structuredClone(nb);
        try {
          const inverse = applyEdits(nb, cmds);
          applyEdits(nb, inverse);
          expect(nb).toEqual(before);
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
          expect(nb, `refused ${e.code} in ${cmds.map((c) => c.type).join(', ')}`).toEqual(before);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('undoing a rename restores formulas that named a missing sheet of the new name', () => {
    // Delete "Costs" (formulas that used it keep its name), rename "Sheet2" to "Costs", undo:
    // only the references the rename wrote go back to Sheet2.
    const nb = emptyNotebook('Plan');
    nb.sheets.push(emptySheet('Sheet2'));
    nb.sheets[0].cells = { A1: '=Costs!A1', A2: '=Sheet2!A1' };
    const before = structuredClone(nb);
    const inverse = applyEdits(nb, [{ type: 'renameSheet', from: 'Sheet2', to: 'Costs' }]);
    applyEdits(nb, inverse);
    expect(nb).toEqual(before);
  });
});
