/**
 * Regrowing A_Market and B_Target: inputs typed into a generated plan are found by key and,
 * generated again for a shape with one region removed and one added, land in the kept regions'
 * and lines' new cells; the removed region's are gone, the added one starts neutral.
 */
import { describe, expect, it } from 'vitest';
import type { RawContent } from '../../src/model/cell';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { marketGenerator, marketInputKey } from '../../templates/generators/market';
import { generatePlanPart } from '../../templates/generators/plan';
import { typedInputs } from '../../templates/generators/planInputs';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { targetLayout } from '../../templates/generators/abLayout';
import { targetGenerator, targetInputKey } from '../../templates/generators/target';
import type { SheetGenerator } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';
import { CDE, inputCells, problems } from './generators.ansoff.stubs';

const CHAIN: readonly SheetGenerator[] = [marketGenerator, targetGenerator, ...CDE];
const SOUTH = '华南 South';
const NE = '东北 Northeast';

/** The sample without South (and its reps), the others reversed behind a new Northeast with one rep, and a fifth line. */
const regrown: ClientShape = (() => {
  const keep = SAMPLE_SHAPE.regions.map((r, i) => [r, i] as const).filter(([r]) => r !== SOUTH).reverse();
  const byRegion = (grid: number[][] | undefined) => [undefined, ...keep.map(([, i]) => grid?.[i])].map((row) => (row ? [...row, 500] : [0, 0, 0, 500]));
  return {
    ...SAMPLE_SHAPE,
    products: [...SAMPLE_SHAPE.products.filter((p) => !p.isNew), { name: 'P5', isNew: false }, ...SAMPLE_SHAPE.products.filter((p) => p.isNew)],
    regions: [NE, ...keep.map(([r]) => r)], // West, North, East
    history: byRegion(SAMPLE_SHAPE.history),
    potential: byRegion(SAMPLE_SHAPE.potential),
    historyPrior: SAMPLE_SHAPE.historyPrior?.map((h) => ({ ...h, values: [...h.values, 400] })),
    reps: [{ name: 'NE01', region: NE, level: '代表 Rep' }, ...SAMPLE_SHAPE.reps.filter((r) => r.region !== SOUTH)],
  };
})();

const typing: Record<string, RawContent> = {
  [marketInputKey('newHospitals|华北 North', 'P2')]: 9,
  [marketInputKey('newHospitals|华南 South', 'P1')]: 7,
  [marketInputKey('s1', 'P3')]: 0.15,
  [targetInputKey('bu|西部 West', 'P1')]: 1444,
  [targetInputKey('bu|华南 South', 'P1')]: 2222,
  [targetInputKey('potential|华东 East', 'P2')]: 12345,
  [targetInputKey('judgement', 'P1')]: 0.13,
  [targetInputKey('rep|W02', 'newAccounts')]: 8,
  [targetInputKey('rep|S01', 'actual')]: 1999,
  [targetInputKey('rep|W01', 'bu')]: 777, // a rep round's accepted answer (blank by default)
  [targetInputKey('W_TREND', 'value')]: 0.35,
};

describe('A_Market and B_Target regrown', () => {
  it('keep the inputs typed for the kept regions, lines and reps, by name', () => {
    // Type into the generated plan at the sample shape, by cell, as a user would.
    const before = generatePlanPart(SAMPLE_SHAPE, {}, CHAIN);
    const sheets = before.sheets.map((s) => ({ ...s, cells: { ...s.cells } }));
    for (const [key, value] of Object.entries(typing)) {
      const gen = key.startsWith('A_Market|') ? marketGenerator : targetGenerator;
      const addr = inputCells(gen, SAMPLE_SHAPE).get(key);
      expect(addr, key).toBeDefined();
      sheets.find((s) => s.name === gen.sheets[0])!.cells[addr!] = value;
    }
    const typed = typedInputs({ sheets }, SAMPLE_SHAPE, CHAIN);
    expect(typed).toEqual(typing);

    const after = generatePlanPart(regrown, typed, CHAIN);
    const at = (gen: SheetGenerator) => inputCells(gen, regrown);
    const a = { cells: at(marketGenerator), sheet: after.sheets.find((s) => s.name === 'A_Market')! };
    const b = { cells: at(targetGenerator), sheet: after.sheets.find((s) => s.name === 'B_Target')! };
    const removed = (k: string) => k.includes(SOUTH) || k.includes('|S01|');
    for (const [key, value] of Object.entries(typing)) {
      const side = key.startsWith('A_Market|') ? a : b;
      if (removed(key)) expect(side.cells.has(key), key).toBe(false);
      else expect(side.sheet.cells[side.cells.get(key)!], key).toBe(value);
    }
    // Kept by name, not by address: West's bottom-up moved two rows up.
    const west = targetInputKey('bu|西部 West', 'P1');
    expect(b.cells.get(west)).not.toBe(inputCells(targetGenerator, SAMPLE_SHAPE).get(west));
    // The new region and the new line start from neutral values, not from what sat at their cells.
    expect(b.sheet.cells[b.cells.get(targetInputKey(`bu|${NE}`, 'P1'))!]).toBe(0);
    expect(a.sheet.cells[a.cells.get(marketInputKey(`newHospitals|${NE}`, 'P1'))!]).toBe(2);
    expect(b.sheet.cells[b.cells.get(targetInputKey('judgement', 'P5'))!]).toBe(0.1);
    // And A/B of the regrown plan hold no error value (C–E are their own tests').
    const nb: Notebook = { ...emptyNotebook('regrown'), sheets: after.sheets, names: after.names };
    const engine = new EngineNotebook(nb);
    try {
      // The one ERR is what the typing made inconsistent: North's new hospitals (A, 9 typed) against its reps' new-account quotas.
      const L = targetLayout(regrown);
      const rollup = (region: string) => `B_Target!H${L.rollupRows.first + regrown.regions.indexOf(region) + 1} ERR`;
      expect(problems(engine, nb.sheets.filter((x) => x.name === 'A_Market' || x.name === 'B_Target'))).toEqual([rollup('华北 North')]);
    } finally {
      engine.destroy();
    }
  });
});
