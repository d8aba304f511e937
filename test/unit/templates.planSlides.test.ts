/**
 * The presenter's vocabulary of a client plan, on the real C/D/E generators over A/B stand-ins
 * (constants at the generators' positions): on the sample shape the C/D/E slides carry the
 * spec's KPIs and drivers; on random shapes every driver is an input number, every KPI and bar
 * a cell that computes without error, the bars following REGION_FINAL and REP_QUOTA; the sample
 * annual plan keeps the spec's tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCellError } from '../../src/model/cell';
import { availableDrivers, availableSlides, kpiByLabel, refKey, registerDefaultVocabulary, registerVocabulary, scenarioPresetsOf, vocabularyOf } from '../../src/model/drivers';
import { DRIVERS, SCENARIO_PRESETS, SLIDES, SPEC_VOCABULARY } from '../../templates/specVocabulary';
import { splitCellKey } from '../../src/model/scenarios';
import { templateById } from '../../templates';
import { abs, sampleAbPositions } from '../../templates/generators/ansoffLinks';
import { generatePlan, planVocabulary } from '../../templates/generators/plan';
import { listCells, planNotebookVocabulary, planScenarioPresets, planSlides } from '../../templates/generators/planSlides';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import type { SheetGenerator } from '../../templates/generators/types';
import { emptyPart } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';
import { CDE, shapeArb, stubData, stubSheets } from './generators.ansoff.stubs';

/** A_Market and B_Target as constants at the positions C/D/E read, with the list names over them. */
const stubAB: SheetGenerator = {
  sheets: ['A_Market', 'B_Target'],
  generate(ctx) {
    const { sheets, names } = stubSheets(ctx.shape, stubData(ctx.shape, 14));
    const T = sampleAbPositions(ctx.shape).target;
    const R = ctx.shape.regions.length;
    const N = ctx.shape.reps.length;
    const col = (c: number, first: number, last: number) => `=B_Target!${abs(c, first)}:${abs(c, last)}`;
    const part = emptyPart();
    part.sheets.push(...sheets);
    part.names.push(
      ...names,
      { name: 'REGION_NAME', expression: col(T.regionNameCol, T.finalRow(0), T.finalRow(R - 1)) },
      { name: 'REGION_FINAL', expression: col(T.totalCol, T.finalRow(0), T.finalRow(R - 1)) },
      { name: 'REP_NAME', expression: col(0, T.repRow(0), T.repRow(N - 1)) },
      { name: 'REP_QUOTA', expression: col(T.repQuotaCol, T.repRow(0), T.repRow(N - 1)) },
    );
    return part;
  },
};
const CHAIN = [stubAB, ...CDE];
const vocabulary = (shape: ClientShape) => {
  const nb = generatePlan(shape, {}, CHAIN);
  const v = planVocabulary(nb, CHAIN)!;
  return { nb, v, slides: planSlides(nb.names, v) };
};

describe('a client plan’s presenter vocabulary', () => {
  it('on the sample shape: the C/D/E slides carry the spec’s KPIs and drivers', () => {
    const { slides } = vocabulary(SAMPLE_SHAPE);
    for (const id of ['C_Ansoff', 'D_Expense', 'E_Bonus']) {
      const spec = SLIDES.find((s) => s.id === id)!;
      const mine = slides.find((s) => s.id === id)!;
      expect(mine.kpis, id).toEqual(spec.kpis);
      // The drivers of the sheets that are generated here (B_Target's are the stand-in's: none).
      expect(mine.drivers, id).toEqual(spec.drivers.filter((n) => !n.startsWith('B_Target!') && !['W_QUANT', 'W_TREND', 'ALPHA_BU', 'OVERASSIGN'].includes(n)));
      expect(mine.chart).toBe(spec.chart);
    }
    const overview = slides[0];
    expect(overview.bars?.bars.map((b) => b.ref)).toEqual(['B_Target!G88', 'B_Target!G89', 'B_Target!G90', 'B_Target!G91']);
    expect(overview.kpis.map((k) => k.id)).toEqual(expect.arrayContaining(['TARGET_TOTAL', 'GROWTH_GAP', 'EXPENSE_TOTAL', 'BONUS_BUDGET', 'D_Expense!C26']));
  });

  it('on random shapes: drivers are input numbers, KPIs and bars compute without error', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { nb, v, slides } = vocabulary(shape);
        const engine = new EngineNotebook(nb);
        try {
          for (const d of v.drivers) {
            const key = refKey(nb, d.ref);
            const at = key && splitCellKey(key);
            expect(at && typeof nb.sheets.find((s) => s.name === at.sheet)?.cells[at.addr], d.name).toBe('number');
          }
          for (const slide of slides) {
            for (const k of slide.kpis) {
              const key = refKey(nb, k.id);
              expect(key, k.id).toBeTruthy();
              const at = splitCellKey(key!)!;
              const value = engine.value(at.sheet, at.addr);
              expect(isCellError(value) || value === null, `${slide.id} ${k.id}`).toBe(false);
            }
            for (const n of slide.drivers) expect(v.drivers.some((d) => d.name === n), n).toBe(true);
          }
          expect(slides[0].bars?.bars.map((b) => b.ref)).toEqual(listCells(nb.names, 'REGION_FINAL'));
          expect(slides.find((s) => s.id === 'B_Target')?.bars?.bars).toHaveLength(shape.reps.length);
        } finally {
          engine.destroy();
        }
      }),
      { seed: 1414, numRuns: 12 },
    );
  });

  it('a registered provider answers for client plans only: the sample annual plan keeps the spec’s tables', () => {
    // The vocabularies as the UI registers them (src/ui/vocabulary.ts), the provider over this test's chain.
    registerDefaultVocabulary(SPEC_VOCABULARY);
    registerVocabulary((nb) => {
      const v = planVocabulary(nb, CHAIN);
      return v ? { drivers: v.drivers, slides: planSlides(nb.names, v) } : null;
    });
    const sample = templateById('annual-plan')!.create();
    expect(vocabularyOf(sample)).toBe(SPEC_VOCABULARY);
    expect(scenarioPresetsOf(sample)).toBe(SCENARIO_PRESETS);
    expect(kpiByLabel(sample, 'Contribution profit')?.id).toBe('D_Expense!C26');
    expect(availableSlides(sample).map((s) => s.id)).toEqual(SLIDES.map((s) => s.id));
    expect(planNotebookVocabulary(sample)).toBeNull();
    const shape: ClientShape = { ...SAMPLE_SHAPE, regions: ['甲 A', '乙 B'], reps: [{ name: 'a1', region: '甲 A', level: '代表 Rep' }, { name: 'b1', region: '乙 B', level: '代表 Rep' }], history: undefined, potential: undefined, accounts: undefined };
    const { nb, v } = vocabulary(shape);
    expect(availableDrivers(nb).map((d) => d.name)).toEqual(v.drivers.map((d) => d.name));
    expect(availableSlides(nb).find((s) => s.id === 'overview')?.bars?.bars).toHaveLength(2);
  });
});

describe('a client plan’s what-if presets', () => {
  it('come from its generators at the generated cells; other notebooks keep the spec’s', async () => {
    const { EXPENSE_SENSITIVITY, FUNDING_FOR_PAYOUT, GOAL_PRESETS, presetsFor, TORNADO_PRESETS, PAYOUT_THRESHOLD_CAP } = await import('../../src/ui/whatif/presets');
    const sample = templateById('annual-plan')!.create();
    expect(presetsFor(sample, ['tornado'], TORNADO_PRESETS)).toEqual(TORNADO_PRESETS);
    const { nb } = vocabulary(SAMPLE_SHAPE);
    // The sheet's own Δ table as shipped (B29:B33 10 %, B34 5 pts), and a projected payout.
    const value = (ref: string) => (ref === 'E_Bonus!C48' ? 249.6 : ref === 'D_Expense!B34' ? 0.05 : ref.startsWith('D_Expense!B') ? 0.1 : undefined);
    const tornado = presetsFor(nb, ['tornado'], TORNADO_PRESETS, CHAIN);
    expect(tornado.map((p) => p.id)).toEqual(['expense-sensitivity']);
    expect(tornado[0].title).toEqual(EXPENSE_SENSITIVITY.title);
    expect(tornado[0].spec(value)).toEqual(EXPENSE_SENSITIVITY.spec(value));
    const goal = presetsFor(nb, ['goalSeek'], GOAL_PRESETS, CHAIN);
    expect(goal.map((p) => p.id)).toEqual(['funding-for-payout']);
    expect(goal[0].spec(value)).toEqual(FUNDING_FOR_PAYOUT.spec(value));
    expect(presetsFor(nb, ['dataTable2'], [PAYOUT_THRESHOLD_CAP], CHAIN)[0].spec(value)).toEqual(PAYOUT_THRESHOLD_CAP.spec(value));
  });
});

describe('a client plan’s upside and downside', () => {
  it('move every line’s volume and judgement growth as the spec’s do: on the spec’s drivers they are the spec’s presets', () => {
    expect(planScenarioPresets(DRIVERS)).toEqual(SCENARIO_PRESETS);
    const lines = ['Alpha', 'Beta'].flatMap((l, i) => [
      { name: `A_Market!C${20 + i}`, label: { zh: '', en: `${l} volume growth` }, ref: `A_Market!C${20 + i}`, min: 0, max: 1, step: 0.01, unit: 'percent' as const },
      { name: `B_Target!C${50 + i}`, label: { zh: '', en: `${l} judgement growth` }, ref: `B_Target!C${50 + i}`, min: 0, max: 1, step: 0.01, unit: 'percent' as const },
    ]);
    const [up, down] = planScenarioPresets(lines);
    expect(up.changes).toEqual([{ ref: 'A_Market!C20', add: 0.02 }, { ref: 'B_Target!C50', add: 0.05 }, { ref: 'A_Market!C21', add: 0.02 }, { ref: 'B_Target!C51', add: 0.05 }]);
    expect(down.changes.map((c) => c.add)).toEqual([-0.02, -0.05, -0.02, -0.05]);
    expect(planScenarioPresets([])).toEqual([]);
  });
});
