/**
 * B_Target from its generator, and the whole chain A → E on random shapes: the spec's sheet on
 * the sample shape cell for cell; on any shape no error value, no ERR check, and the plan's
 * invariants (Σ PRODUCT_TARGET = Σ REGION_FINAL = TARGET_TOTAL; Σ REP_QUOTA and each region's
 * rep quotas = the final targets × (1 + OVERASSIGN)); regrowing keeps typed inputs by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bTarget from '../../templates/data/B_Target.json';
import namesData from '../../templates/data/names.json';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { marketGenerator } from '../../templates/generators/market';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { targetGenerator, targetInputKey } from '../../templates/generators/target';
import type { PlanInputs, SheetGenerator } from '../../templates/generators/types';
import { listNames, SAMPLE_LIST_LAYOUT } from '../../templates/generators/listNames';
import { EngineNotebook } from '../../workers/engineCore';
import { CDE, inputCells, problems, shapeArb } from './generators.ansoff.stubs';

const CHAIN: readonly SheetGenerator[] = [marketGenerator, targetGenerator, ...CDE];

function build(shape: ClientShape, inputs: PlanInputs = {}) {
  const names = new Map();
  const parts = CHAIN.map((g) => g.generate({ shape, inputs, names }));
  const nb: Notebook = { ...emptyNotebook('plan'), sheets: parts.flatMap((p) => p.sheets), names: parts.flatMap((p) => p.names) };
  const engine = new EngineNotebook(nb);
  const calc = (f: string) => engine.hf.calculateFormula(f, 0) as number;
  return { nb, engine, calc };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('B_Target generator', () => {
  it('lays out the spec sheet on the sample shape, cell for cell, with the spec names and the list names', () => {
    const part = targetGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    const s = part.sheets[0];
    expect(s.cells).toEqual(bTarget.cells);
    expect(s.formats).toEqual(bTarget.formats);
    expect(s.frozen).toEqual(bTarget.frozen);
    expect(s.colWidths).toEqual(bTarget.colWidths);
    const specB = namesData.filter((n) => n.expression.startsWith('=B_Target!'));
    for (const n of specB) expect(part.names).toContainEqual(n);
    for (const n of listNames(SAMPLE_LIST_LAYOUT)) expect(part.names).toContainEqual(n);
  });

  it('the chain A → E on the sample shape computes the spec values', () => {
    const { nb, engine, calc } = build(SAMPLE_SHAPE);
    try {
      expect(calc('=TARGET_TOTAL')).toBeCloseTo(21211.408, 3);
      expect(engine.value('B_Target', 'J109')).toBeCloseTo(22271.9784, 3);
      expect(engine.value('A_Market', 'F36')).toBe(21475);
      expect(problems(engine, nb.sheets)).toEqual([]);
    } finally {
      engine.destroy();
    }
  });

  it('on random shapes: no error value, no ERR, and the targets add up at every level', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { nb, engine, calc } = build(shape);
        try {
          expect(problems(engine, nb.sheets)).toEqual([]);
          const total = calc('=TARGET_TOTAL');
          const over = calc('=OVERASSIGN');
          expect(total).toBeGreaterThan(0);
          expect(close(calc('=SUM(PRODUCT_TARGET)'), total)).toBe(true);
          expect(close(calc('=SUM(REGION_FINAL)'), total)).toBe(true);
          expect(close(calc('=SUM(REP_QUOTA)'), total * (1 + over))).toBe(true);
          for (const region of shape.regions) {
            const q = `"${region.replace(/"/g, '""')}"`;
            const reps = calc(`=SUMIF(REP_REGION,${q},REP_QUOTA)`);
            const fin = calc(`=INDEX(REGION_FINAL,MATCH(${q},REGION_NAME,0))`);
            expect(close(reps, fin * (1 + over))).toBe(true);
          }
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 12), seed: Number(process.env.SEED ?? 20261207) },
    );
  }, 180_000);

  it('keeps typed inputs by name when the regions and reps change', () => {
    const typed = {
      [targetInputKey('bu|华南 South', 'P2')]: 1999,
      [targetInputKey('rep|S02', 'actual')]: 1234,
      [targetInputKey('judgement', 'P3')]: 0.33,
    };
    const regions = ['华南 South', '东北 Northeast', '华东 East', '华北 North', '西部 West'];
    const byRegion = (grid: number[][] | undefined) => regions.map((r) => grid?.[SAMPLE_SHAPE.regions.indexOf(r)] ?? []);
    const grown: ClientShape = {
      ...SAMPLE_SHAPE,
      regions,
      history: byRegion(SAMPLE_SHAPE.history),
      potential: byRegion(SAMPLE_SHAPE.potential),
      reps: [...SAMPLE_SHAPE.reps.filter((r) => r.name !== 'E02'), { name: 'NE01', region: '东北 Northeast', level: '代表 Rep' }],
    };
    const cells = inputCells(targetGenerator, grown);
    const s = targetGenerator.generate({ shape: grown, inputs: typed, names: new Map() }).sheets[0];
    for (const [key, v] of Object.entries(typed)) expect(s.cells[cells.get(key)!], key).toBe(v);
    // The new region starts from the neutral values, not from whatever sat at its address before.
    expect(s.cells[cells.get(targetInputKey('bu|东北 Northeast', 'P1'))!]).toBe(1100);
    const { nb, engine } = build(grown, typed);
    try {
      expect(problems(engine, nb.sheets)).toEqual([]);
    } finally {
      engine.destroy();
    }
  });
});
