/**
 * B_Target (and A_Market) at a client's shape the spec's sample does not cover: a new region
 * without history opens with no error value through the whole chain, and the rows holding
 * neutral sample values say so until the user types over them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { marketGenerator } from '../../templates/generators/market';
import { marketLayout, targetLayout } from '../../templates/generators/abLayout';
import { a1 } from '../../templates/generators/ansoffLinks';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { targetGenerator } from '../../templates/generators/target';
import type { PlanInputs } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';
import { planProducts } from '../../templates/generators/shape';
import { CDE, inputCells, problems, rng, shapeArb } from './generators.ansoff.stubs';

/**
 * A random shape with the setup's optional data pasted: history with zeros (every line sold
 * somewhere, some regions nowhere), the two years before, potential or none, key accounts.
 */
const pastedArb = fc.tuple(shapeArb, fc.integer({ min: 1, max: 2 ** 31 - 1 })).map(([shape, seed]): ClientShape => {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const E = planProducts(shape).filter((p) => !p.isNew).length;
  const R = shape.regions.length;
  const dark = shape.regions.map(() => R > 1 && rand() < 0.2); // regions with no history at all
  const history = shape.regions.map((_r, r) => Array.from({ length: E }, () => (dark[r] || rand() < 0.2 ? 0 : int(1, 5000))));
  for (let k = 0; k < E; k++) if (history.every((row) => row[k] === 0)) history[dark.indexOf(false) < 0 ? 0 : dark.indexOf(false)][k] = int(1, 5000);
  const withPotential = rand() < 0.5;
  const reps = shape.reps.filter(() => rand() < 0.1);
  return {
    ...shape,
    history,
    historyPrior: [0, 1].map((i) => ({ label: `FY${shape.fiscalYear - 3 + i}`, values: Array.from({ length: E }, () => int(1, 20000)) })),
    potential: withPotential ? shape.regions.map(() => Array.from({ length: E }, () => int(1, 20000))) : undefined,
    accounts: reps.flatMap((rep) => Array.from({ length: int(1, 4) }, (_x, j) => ({ rep: rep.name, account: `${rep.name}-客户${j + 1}`, revenue: int(1, 900) }))),
  };
});

function build(shape: ClientShape, inputs: PlanInputs = {}) {
  const names = new Map();
  const parts = [marketGenerator, targetGenerator, ...CDE].map((g) => g.generate({ shape, inputs, names }));
  const nb: Notebook = { ...emptyNotebook('plan'), sheets: parts.flatMap((p) => p.sheets), names: parts.flatMap((p) => p.names) };
  return { nb, engine: new EngineNotebook(nb) };
}

const NE = '东北 Northeast';
/** The sample company opening a region with no history and no potential yet. */
const opening: ClientShape = {
  ...SAMPLE_SHAPE,
  regions: [...SAMPLE_SHAPE.regions, NE],
  history: [...SAMPLE_SHAPE.history!, [0, 0, 0]],
  potential: undefined,
  reps: [...SAMPLE_SHAPE.reps, { name: 'NE01', region: NE, level: '代表 Rep' }, { name: 'NE02', region: NE, level: '代表 Rep' }],
};

describe('B_Target at a shape beyond the sample', () => {
  it('a new region without history opens with no error value and gets a share of every line', () => {
    const { nb, engine } = build(opening);
    try {
      expect(problems(engine, nb.sheets)).toEqual([]);
      const L = targetLayout(opening);
      const ne = L.finalRows.first + 4;
      expect(engine.value('B_Target', a1(L.totalCol, ne)) as number).toBeGreaterThan(0);
      // Its two reps split it evenly (same actual, same potential).
      const q = (i: number) => engine.value('B_Target', a1(L.repCols.quota, L.repRows.first + 12 + i)) as number;
      expect(q(0)).toBeCloseTo(q(1), 6);
    } finally {
      engine.destroy();
    }
  });

  it('marks the rows that hold neutral values, and the mark goes once they are typed over', () => {
    const { nb, engine } = build(opening);
    try {
      const L = targetLayout(opening);
      const M = marketLayout(opening);
      const b = nb.sheets.find((s) => s.name === 'B_Target')!;
      const a = nb.sheets.find((s) => s.name === 'A_Market')!;
      const mark = (sheet: string, col: number, row: number) => engine.value(sheet, a1(col, row));
      const sample = '示例值，请替换 sample values – replace with the client’s';
      // Potential not given: every region's row is neutral; the sample's regions' history and BU are not.
      expect(mark('B_Target', L.flagCol, L.potentialRows.first)).toBe(sample);
      expect(b.cells[a1(L.flagCol, L.historyRows.first)]).toBeUndefined();
      expect(b.cells[a1(L.flagCol, L.buRows.first)]).toBeUndefined();
      expect(mark('B_Target', L.flagCol, L.buRows.first + 4)).toBe(sample);
      // The new region's reps, not the sample's.
      expect(mark('B_Target', L.repCols.newAccounts + 1, L.repRows.first + 12)).toBe(sample);
      expect(b.cells[a1(L.repCols.newAccounts + 1, L.repRows.first)]).toBeUndefined();
      // A_Market: the new region's new hospitals.
      expect(mark('A_Market', M.programCol, M.newHospitalRows.first + 4)).toBe(sample);
      expect(a.cells[a1(M.programCol, M.newHospitalRows.first)]).toBeUndefined();
      // Typing over the neutral values of a row clears its mark.
      const row = L.buRows.first + 4;
      const writes = [];
      for (let col = L.existingCols.first; col <= L.existingCols.last; col++) writes.push({ addr: a1(col, row), raw: 500 });
      expect(engine.apply([{ type: 'setCells', sheet: 'B_Target', writes }]).ok).toBe(true);
      expect(mark('B_Target', L.flagCol, row)).toBe('');
    } finally {
      engine.destroy();
    }
  });

  it('on random shapes with pasted history, potential and accounts: no error value, no ERR, the targets add up', () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
    fc.assert(
      fc.property(pastedArb, (shape) => {
        const { nb, engine } = build(shape);
        try {
          expect(problems(engine, nb.sheets.filter((x) => x.name === 'A_Market' || x.name === 'B_Target'))).toEqual([]);
          const calc = (f: string) => engine.hf.calculateFormula(f, 0) as number;
          const total = calc('=TARGET_TOTAL');
          const over = calc('=OVERASSIGN');
          expect(close(calc('=SUM(REGION_FINAL)'), total)).toBe(true);
          expect(close(calc('=SUM(REP_QUOTA)'), total * (1 + over))).toBe(true);
          for (const region of shape.regions) {
            const q = `"${region.replace(/"/g, '""')}"`;
            expect(close(calc(`=SUMIF(REP_REGION,${q},REP_QUOTA)`), calc(`=INDEX(REGION_FINAL,MATCH(${q},REGION_NAME,0))`) * (1 + over))).toBe(true);
          }
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 8), seed: Number(process.env.SEED ?? 20261208) },
    );
  }, 180_000);

  it('an English plan marks in English', () => {
    const shape = { ...opening, language: 'en' as const };
    const b = targetGenerator.generate({ shape, inputs: {}, names: new Map() }).sheets[0];
    const L = targetLayout(shape);
    expect(b.cells[a1(L.flagCol, L.potentialRows.first)]).toMatch(/"sample values – replace with the client’s"/);
  });

  it('a typed value is never marked, nor its cell moved', () => {
    const key = 'B_Target|potential|华东 East|P1';
    const cells = inputCells(targetGenerator, opening);
    const typed = { [key]: 9999 };
    const b = targetGenerator.generate({ shape: opening, inputs: typed, names: new Map() }).sheets[0];
    expect(b.cells[cells.get(key)!]).toBe(9999);
    const L = targetLayout(opening);
    expect(String(b.cells[a1(L.flagCol, L.potentialRows.first)])).not.toContain(cells.get(key)!);
  });
});
