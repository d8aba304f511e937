/**
 * E_Bonus from its generator: the spec's sheet on the sample shape (and the spec's values on the
 * shipped A/B sheets); on random shapes over A/B stubs no error value, no ERR, salaries, target
 * incentives and manager quotas adding up, and the payout curve agreeing with its tier table and
 * with an independent implementation; typed inputs kept by name on regrowing.
 */
import fc from 'fast-check';
import { DRIVERS, SLIDES } from '../../templates/specVocabulary';
import { PAYOUT_THRESHOLD_CAP, PAYOUT_VS_THRESHOLD } from '../../src/ui/whatif/presets';
import { defaultLayout } from '../../templates/layouts';
import { describe, expect, it } from 'vitest';
import eBonus from '../../templates/data/E_Bonus.json';
import expected from '../../templates/data/expected.json';
import names from '../../templates/data/names.json';
import { a1 } from '../../templates/generators/ansoffLinks';
import { bonusGenerator, bonusLayout } from '../../templates/generators/bonus';
import { CURVE_POINTS } from '../../templates/generators/bonusSample';
import { SAMPLE_LIST_LAYOUT } from '../../templates/generators/listNames';
import { PLAN_NAMES } from '../../templates/catalog';
import { managerLevel, SAMPLE_SHAPE } from '../../templates/generators/shape';
import { buildCde, chineseLabels, emptyViewCells, inputCells, problems, regrow, same, samplePlan, shapeArb, stubData, stubSheets } from './generators.ansoff.stubs';

const SEED = 1414;
const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
const OWN = ['BONUS_BUDGET', 'BASE_SALARY_TOTAL', 'PO_THRESHOLD', 'PO_AT_THRESHOLD', 'PO_ACCEL', 'PO_CAP', 'PO_SLOPE_LOW'];

/** The spec's payout curve, written out: 0 below the threshold, 50 % → 100 % linearly, slope 2 above, cap 200 %. */
function f(A: number): number {
  if (A < 0.8) return 0;
  return Math.min(2, A < 1 ? 0.5 + 2.5 * (A - 0.8) : 1 + 2 * (A - 1));
}

describe('E_Bonus generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell, and its names', () => {
    const part = bonusGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    const [sheet] = part.sheets;
    expect(sheet.name).toBe('E_Bonus');
    expect(sheet.cells).toEqual(eBonus.cells);
    expect(sheet.formats).toEqual(eBonus.formats);
    expect(sheet.frozen).toEqual(eBonus.frozen);
    expect(sheet.colWidths).toEqual(eBonus.colWidths);
    // The spec's names, and PO_TARGET (the curve's attainment target C8, which G_Monthly's payout forecast reads).
    expect([...part.names].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...names.filter((n) => OWN.includes(n.name)), { name: 'PO_TARGET', expression: '=E_Bonus!$C$8' }].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(PLAN_NAMES).toContainEqual({ name: 'PO_TARGET', expression: '=E_Bonus!$C$8' });
  });

  it('puts the reps’ levels where LEVEL_NAME and LEVEL_BASE point on the sample, and the rep payout rows where REP_TARGET_BONUS does', () => {
    expect(bonusLayout(SAMPLE_SHAPE).repLevelRows).toEqual(SAMPLE_LIST_LAYOUT.repLevelRows);
    expect(bonusLayout(SAMPLE_SHAPE).repRows).toEqual(SAMPLE_LIST_LAYOUT.bonusRepRows);
    expect(eBonus.cells.F22).toContain('TI'); // the header above: column F is the target incentive
  });

  it('gives the template’s notebook view on the sample shape, and on random shapes a view reading only written cells', () => {
    expect(bonusGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).layout).toEqual(defaultLayout('E_Bonus'));
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const part = bonusGenerator.generate({ shape, inputs: {}, names: new Map() });
        expect(part.layout.length).toBeGreaterThan(0);
        expect(emptyViewCells(part.layout, part.sheets[0])).toEqual([]);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('gives the presenter’s drivers and KPIs and the bonus what-if presets on the sample shape', () => {
    const part = bonusGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    const slide = SLIDES.find((s) => s.id === 'E_Bonus')!;
    expect(part.drivers).toEqual(slide.drivers.map((n) => DRIVERS.find((d) => d.name === n)));
    expect(part.kpis).toEqual(slide.kpis);
    expect(part.presets.find((p) => p.id === 'payout-vs-threshold')!.spec).toEqual(PAYOUT_VS_THRESHOLD.spec(() => undefined));
    expect(part.presets.find((p) => p.id === 'payout-threshold-cap')!.spec).toEqual(PAYOUT_THRESHOLD_CAP.spec(() => undefined));
    expect(part.presets.find((p) => p.id === 'funding-for-payout')!.spec).toEqual({ input: 'E_Bonus!C4', output: 'E_Bonus!C5', targetRef: 'E_Bonus!C48', lo: 0, hi: 0.05 });
  });

  it('labels an English plan in English (dimension keys stay as the spec spells them)', () => {
    const names = { ...SAMPLE_SHAPE, regions: ['North', 'South'], products: [{ name: 'A', isNew: false }, { name: 'B', isNew: true }] };
    const shape = { ...names, language: 'en' as const, levels: [{ name: 'Rep', ote: 30, base: 18 }, { name: 'Manager', ote: 60, base: 42 }], reps: [{ name: 'r1', region: 'North', level: 'Rep' }, { name: 'r2', region: 'South', level: 'Rep' }] };
    const [sheet] = bonusGenerator.generate({ shape, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(sheet)).toEqual([]);
    const [zh] = bonusGenerator.generate({ shape: { ...shape, language: 'zh-CN' }, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(zh).length).toBeGreaterThan(0);
  });

  it('computes the spec’s values on the shipped A_Market and B_Target', () => {
    const { engine } = samplePlan();
    const want = (expected as Record<string, Record<string, unknown>>).E_Bonus;
    const bad = Object.entries(want).filter(([addr, v]) => !same(engine.value('E_Bonus', addr), v));
    expect(bad).toEqual([]);
  });

  it('on random shapes: no error value, no ERR; salaries, incentives and manager quotas add up; the curve is the spec’s', () => {
    let runs = 0;
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        runs++;
        const d = stubData(shape, seed);
        const { engine, sheets, name, value } = buildCde(shape, stubSheets(shape, d));
        expect(problems(engine, sheets)).toEqual([]);
        const L = bonusLayout(shape);
        const v = (c: number, r: number) => value('E_Bonus', a1(c, r)) as number;
        const total = d.targets.reduce((a, b) => a + b, 0);
        expect(close(name('BONUS_BUDGET'), total * 0.015)).toBe(true);
        // One manager per region on the managers' level; the levels' base and TI from the shape.
        const lv = new Map(shape.levels.map((l) => [l.name, l]));
        const mgr = managerLevel(shape);
        const base = shape.reps.reduce((s, r) => s + lv.get(r.level)!.base, 0) + shape.regions.length * mgr.base;
        const ti = shape.reps.reduce((s, r) => s + lv.get(r.level)!.ote - lv.get(r.level)!.base, 0) + shape.regions.length * (mgr.ote - mgr.base);
        expect(close(name('BASE_SALARY_TOTAL'), base)).toBe(true);
        expect(close(v(2, L.tiTotalRow), ti)).toBe(true);
        // Manager quotas are the regions' final targets: they add up to the target.
        shape.regions.forEach((_r, r) => expect(close(v(2, L.managerRows.first + r), d.finals[r].reduce((a, b) => a + b, 0))).toBe(true));
        expect(close(v(2, L.managerTotalRow), total)).toBe(true);
        // Each manager's payout on its region's reps' simulated revenue.
        shape.regions.forEach((region, r) => {
          const actual = shape.reps.reduce((s, rep, i) => s + (rep.region === region ? d.quotas[i] * v(6, L.repRows.first + i) : 0), 0);
          const A = actual / d.finals[r].reduce((a, b) => a + b, 0);
          expect(close(v(7, L.managerRows.first + r), f(A))).toBe(true);
        });
        CURVE_POINTS.forEach((A, i) => {
          const row = L.curveRows.first + i;
          expect(close(v(1, row), f(A))).toBe(true);
          expect(close(v(2, row), f(A))).toBe(true);
        });
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(runs).toBe(30);
  }, 240_000);

  it('regrown for a changed shape keeps every typed input of what stays, by name', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const grown = regrow(shape);
        const before = inputCells(bonusGenerator, shape);
        const typed = Object.fromEntries([...before.keys()].map((k, i) => [k, 1000 + i]));
        const [sheet] = bonusGenerator.generate({ shape: grown, inputs: typed, names: new Map() }).sheets;
        const after = inputCells(bonusGenerator, grown);
        let moved = 0;
        for (const [key, addr] of after) {
          if (key in typed) {
            expect(sheet.cells[addr]).toBe(typed[key]);
            if (before.get(key) !== addr) moved++;
          } else expect(Object.values(typed)).not.toContain(sheet.cells[addr]);
        }
        if (shape.reps.length > 1) expect(moved).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});
