/**
 * generatePlan and regrowCommands with the real C_Ansoff, D_Expense and E_Bonus generators (A/B
 * as constants at the positions they read): a regrown plan keeps typed inputs by name, has no
 * error value and no ERR check, equals a fresh plan with those inputs, and undo restores it; a
 * level's OTE changed in the Structure panel wins over the old default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawContent } from '../../src/model/cell';
import { applyEdits } from '../../src/model/edit';
import type { Notebook } from '../../src/model/notebook';
import { abs, sampleAbPositions } from '../../templates/generators/ansoffLinks';
import { generatePlan } from '../../templates/generators/plan';
import { inputCells, typedInputs } from '../../templates/generators/planInputs';
import { regrowCommands } from '../../templates/generators/regrow';
import type { ClientShape } from '../../templates/generators/shape';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';
import type { SheetGenerator } from '../../templates/generators/types';
import { emptyPart } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';
import { CDE, problems, regrow, shapeArb, stubData, stubSheets } from './generators.ansoff.stubs';

const stubAB: SheetGenerator = {
  sheets: ['A_Market', 'B_Target'],
  generate(ctx) {
    const { sheets, names } = stubSheets(ctx.shape, stubData(ctx.shape, 7));
    const T = sampleAbPositions(ctx.shape).target;
    const part = emptyPart();
    part.sheets.push(...sheets);
    part.names.push(...names, { name: 'OVERASSIGN', expression: `=B_Target!${abs(T.totalCol, T.finalTotalRow + 3)}` });
    return part;
  },
};
const CHAIN = [stubAB, ...CDE];

function typeAt(nb: Notebook, shape: ClientShape, key: string, raw: RawContent) {
  const at = inputCells(shape, CHAIN).get(key);
  expect(at, key).toBeDefined();
  applyEdits(nb, [{ type: 'setCells', sheet: at!.sheet, writes: [{ addr: at!.addr, raw }] }]);
}
const read = (nb: Notebook, shape: ClientShape, key: string) => {
  const at = inputCells(shape, CHAIN).get(key)!;
  return nb.sheets.find((s) => s.name === at.sheet)!.cells[at.addr];
};
function errorsOf(nb: Notebook): string[] {
  const engine = new EngineNotebook(nb);
  try {
    return problems(engine, nb.sheets.filter((s) => ['C_Ansoff', 'D_Expense', 'E_Bonus'].includes(s.name)));
  } finally {
    engine.destroy();
  }
}

describe('regrowing a plan with the C/D/E generators', () => {
  it('keeps typed inputs by name on random shapes; no error, no ERR; equals a fresh plan; undo restores', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const nb = generatePlan(shape, {}, CHAIN);
        const rep = shape.reps[0].name;
        const keys = [...inputCells(shape, CHAIN).keys()];
        const attainment = keys.find((k) => k === `E_Bonus|${rep}|attainment`)!;
        const probability = keys.find((k) => k.startsWith('C_Ansoff|') && k.endsWith('|probability'))!;
        typeAt(nb, shape, attainment, 1.23);
        typeAt(nb, shape, probability, 0.42);
        const before = structuredClone(nb);
        const next = regrow(shape);
        const gone: { list: string; name: string; inputs: number }[] = [];
        if (next.reps.length > 500) {
          // At the roster's limit: a rep of a region with several makes room for the new region's.
          const i = next.reps.findIndex((r) => r.name !== rep && next.reps.filter((x) => x.region === r.region).length > 1);
          gone.push({ list: 'reps', name: next.reps[i].name, inputs: 0 });
          next.reps.splice(i, 1);
        }
        const r = regrowCommands(nb, next, { generators: CHAIN });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.kept).toEqual(expect.arrayContaining([attainment, probability]));
        expect(r.value.removed).toEqual(gone);
        const inverse = applyEdits(nb, r.value.commands);
        expect(read(nb, next, attainment)).toBe(1.23);
        expect(read(nb, next, probability)).toBe(0.42);
        expect(errorsOf(nb)).toEqual([]);
        const fresh = generatePlan(next, typedInputs(nb, next, CHAIN), CHAIN);
        expect(nb.sheets.map((s) => s.cells)).toEqual(fresh.sheets.map((s) => s.cells));
        expect(nb.names).toEqual(fresh.names);
        applyEdits(nb, inverse);
        expect(nb).toEqual(before);
      }),
      { seed: 1414, numRuns: 4, endOnFailure: true },
    );
  });

  it('a level’s OTE changed in the lists wins over the old default; one typed in E_Bonus stays otherwise', () => {
    const nb = generatePlan(SAMPLE_SHAPE, {}, CHAIN);
    typeAt(nb, SAMPLE_SHAPE, 'E_Bonus|代表 Rep|ote', 33);
    const changed: ClientShape = { ...SAMPLE_SHAPE, levels: SAMPLE_SHAPE.levels.map((l) => (l.name === '高级代表 Senior Rep' ? { ...l, ote: 45 } : l)) };
    const r = regrowCommands(nb, changed, { generators: CHAIN });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    applyEdits(nb, r.value.commands);
    expect(read(nb, changed, 'E_Bonus|高级代表 Senior Rep|ote')).toBe(45);
    expect(read(nb, changed, 'E_Bonus|代表 Rep|ote')).toBe(33);
    const again: ClientShape = { ...changed, levels: changed.levels.map((l) => (l.name === '代表 Rep' ? { ...l, ote: 31 } : l)) };
    const r2 = regrowCommands(nb, again, { generators: CHAIN });
    if (!r2.ok) throw new Error(r2.error.message);
    applyEdits(nb, r2.value.commands);
    expect(read(nb, again, 'E_Bonus|代表 Rep|ote')).toBe(31);
  });
});

describe('the sample plan from the chain', () => {
  it('the generators on the sample shape give the annual plan cell for cell, with its names and its view', async () => {
    const { PLAN_NAMES } = await import('../../templates/catalog');
    const { templateById } = await import('../../templates');
    const nb = generatePlan(SAMPLE_SHAPE);
    const sample = templateById('annual-plan')!.create();
    const pick = (n: Notebook, names: readonly string[]) =>
      n.sheets.filter((s) => names.includes(s.name)).map((s) => ({ name: s.name, cells: s.cells, formats: s.formats, frozen: s.frozen, colWidths: s.colWidths ?? {} }));
    const shipped = sample.sheets.map((s) => s.name);
    expect(pick(nb, shipped)).toEqual(pick(sample, shipped));
    // Every name of the annual plan, the same; the chain may add the names of sheets the sample does not ship.
    expect(nb.names).toEqual(expect.arrayContaining(PLAN_NAMES.filter((n) => sample.names.some((x) => x.name === n.name))));
    expect(sample.names.every((n) => nb.names.some((x) => x.name === n.name && x.expression === n.expression))).toBe(true);
    expect(nb.layout.items.filter((i) => shipped.includes(i.sheet))).toEqual(sample.layout.items);
  });
});
