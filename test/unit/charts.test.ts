/**
 * Chart data extraction on the annual plan computed by the real engine: each default chart of the
 * five template sheets reads the spec's cells and turns them into what it draws — and the pictures
 * agree with the sheet's own reconciliations (waterfall ends on the total, tornado follows the
 * swing ranking, the payout curve is the curve formula, the Ansoff tiles sum to the gap).
 */
import { describe, expect, it } from 'vitest';
import type { EditCommand } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import { ansoffModel } from '../../src/model/charts/ansoff';
import { bulletModel } from '../../src/model/charts/bullet';
import { resolveRange } from '../../src/model/bindingCells';
import type { CellReader } from '../../src/model/bindingCells';
import { kpiModel } from '../../src/model/charts/kpi';
import { localizedLabel } from '../../src/model/cellLabels';
import { payoutModel } from '../../src/model/charts/payout';
import type { PayoutParams } from '../../src/model/charts/payout';
import { chartData } from '../../src/model/charts/resolve';
import { seriesModel } from '../../src/model/charts/series';
import { tableRanges } from '../../src/model/charts/table';
import { tdBuModel } from '../../src/model/charts/tdbu';
import { tornadoModel } from '../../src/model/charts/tornado';
import { waterfallModel, waterfallSteps } from '../../src/model/charts/waterfall';
import { capAttainment, PAYOUT_RULE, payoutAt, payoutCurve } from '../../templates/generators/payoutRule';
import type { LayoutItem, Notebook } from '../../src/model/notebook';
import { findSheet } from '../../src/model/notebook';
import { defaultLayout, templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';

function annualPlan(): { nb: Notebook; engine: EngineNotebook; reader: CellReader; edit(cmds: EditCommand[]): void } {
  const nb = templateById('annual-plan')!.create({ locale: 'en' });
  const engine = new EngineNotebook(nb);
  const reader: CellReader = {
    value: (sheet, addr) => engine.value(sheet, addr),
    format: (sheet, addr) => findSheet(nb, sheet)?.formats[addr],
    nameExpression: (name) => nb.names.find((n) => n.name.toUpperCase() === name.toUpperCase())?.expression,
  };
  return {
    nb,
    engine,
    reader,
    edit(cmds) {
      applyEdits(nb, cmds);
      const r = engine.apply(cmds);
      if (!r.ok) throw new Error(r.error.message);
    },
  };
}

function item(nb: Notebook, id: string): LayoutItem {
  const found = nb.layout.items.find((i) => i.id === id);
  if (!found) throw new Error(`no layout item ${id}`);
  return found;
}

const num = (engine: EngineNotebook, sheet: string, addr: string) => engine.value(sheet, addr) as number;

/** HyperFormula rounds the values it reports to ~10 significant digits; sums of them differ by that much. */
function expectNear(actual: number | undefined, want: number, rel = 1e-9): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - want), `${actual} vs ${want}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));
}
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

describe('default layouts', () => {
  it('the annual plan carries the notebook view of all seven sheets, every binding readable', () => {
    const { nb, reader } = annualPlan();
    const sheets = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly'];
    expect(new Set(nb.layout.items.map((i) => i.sheet))).toEqual(new Set(sheets));
    for (const s of sheets) expect(nb.layout.items.filter((i) => i.sheet === s).map((i) => i.id)).toEqual(defaultLayout(s).map((i) => i.id));
    const ids = nb.layout.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of nb.layout.items) {
      for (const [key, ref] of Object.entries(i.ranges)) expect(resolveRange(ref, i.sheet, reader), `${i.id}.${key} = ${ref}`).not.toBeNull();
    }
  });

  it('single templates get their own sheet’s view and none for link stubs', () => {
    const nb = templateById('bonus-plan')!.create();
    expect(new Set(nb.layout.items.map((i) => i.sheet))).toEqual(new Set(['E_Bonus']));
  });
});

describe('monthly tracking chart', () => {
  it('cumulative plan vs actual, the forecast dashed from the last closed month to FY_FORECAST, moving with an actual', () => {
    const { nb, engine, reader, edit } = annualPlan();
    const cum = () => chartData(seriesModel, item(nb, 'G_Monthly.cumulative'), reader, 'en');
    const before = cum();
    expect(before.series.map((s) => s.label)).toEqual(['Plan', 'Actual', 'Forecast']);
    expect(before.dashed).toEqual([2]);
    expect(before.categories).toHaveLength(12);
    const total = engine.value('B_Target', 'G45') as number;
    expect(before.series[0].values[11]).toBeCloseTo(total, 6);
    expect(before.series[2].values[11]).toBeCloseTo(total, 6); // nothing closed: the forecast is the plan
    expect(before.series[1].values.every((v) => v === null || Number.isNaN(v))).toBe(true);
    // January closed with 1000 for East × P1.
    edit([{ type: 'setCells', sheet: 'G_Monthly', writes: [{ addr: 'C21', raw: 1000 }, { addr: 'B3', raw: 1 }] }]);
    const after = cum();
    expect(after.series[1].values[0]).toBe(1000);
    expect(after.series[2].values[0]).toBe(1000); // the dashed line starts at the last actual
    expect(after.series[2].values[11]).toBeCloseTo(engine.value('G_Monthly', 'B47') as number, 6); // FY_FORECAST
    expect(after.series[2].values[11]).not.toBeCloseTo(total, 0);
  });
});

describe('monthly variance heatmap', () => {
  it('region × month: blank until a month closes, then each region\'s actual minus its final target × the company seasonality', () => {
    const { nb, engine, reader, edit } = annualPlan();
    const heat = () => chartData(seriesModel, item(nb, 'G_Monthly.variance'), reader, 'en');
    expect(item(nb, 'G_Monthly.variance').kind).toBe('heatmap');
    const before = heat();
    expect(before.series.map((s) => s.label)).toEqual(['East', 'South', 'North', 'West']);
    expect(before.series.every((s) => s.values.every((v) => v === null))).toBe(true);
    edit([{ type: 'setCells', sheet: 'G_Monthly', writes: [{ addr: 'C21', raw: 1000 }, { addr: 'D26', raw: 50 }, { addr: 'B3', raw: 2 }] }]);
    const after = heat();
    const total = engine.value('B_Target', 'G45') as number;
    const finals = [88, 89, 90, 91].map((r) => engine.value('B_Target', `G${r}`) as number);
    expect(after.series[0].values[0]).toBeCloseTo(1000 - finals[0] / 12, 6); // East, January
    expect(after.series[1].values[1]).toBeCloseTo(50 - finals[1] / 12, 6); // South, February
    expect(after.series[2].values[2]).toBeNull(); // March not closed
    const jan = after.series.reduce((sum, s) => sum + (s.values[0] ?? 0), 0);
    expect(jan).toBeCloseTo(1000 - total / 12, 6); // the regions' targets add up to the month's
  });
});

describe('staffing charts', () => {
  it('capacity vs target per region, monthly capacity vs target and the headcount waterfall move with a hire', () => {
    const { nb, engine, reader, edit } = annualPlan();
    const regions = () => chartData(seriesModel, item(nb, 'F_Staffing.regions'), reader, 'en');
    const months = () => chartData(seriesModel, item(nb, 'F_Staffing.months'), reader, 'en');
    const heads = () => chartData(waterfallModel, item(nb, 'F_Staffing.headcount'), reader, 'en');
    const before = regions();
    expect(before.categories).toEqual(['East', 'South', 'North', 'West']);
    expect(before.series.map((x) => x.label)).toEqual(['Capacity', 'Final target']);
    expect(before.series[1].values[0]).toBeCloseTo(num(engine, 'B_Target', 'G88'), 6);
    for (const v of months().series[1].values) expectNear(v ?? undefined, num(engine, 'B_Target', 'G45') / 12); // flat twelfths
    expect(heads().steps.map((x) => x.value)).toEqual([12, 0, -1.2, 1.2, 12]);
    const countRow = /\$E\$(\d+)/.exec(nb.names.find((n) => n.name === 'HIRE_COUNT')!.expression)![1];
    const monthsBefore = months().series[0].values as number[];
    edit([{ type: 'setCells', sheet: 'F_Staffing', writes: [{ addr: `E${countRow}`, raw: 3 }] }]); // East, from month 4
    expect(regions().series[0].values[0]! > before.series[0].values[0]!).toBe(true);
    expect(regions().series[0].values[1]).toBe(before.series[0].values[1]);
    const monthsAfter = months().series[0].values as number[];
    expect(monthsAfter.slice(0, 3)).toEqual(monthsBefore.slice(0, 3));
    for (let m = 3; m < 12; m++) expect(monthsAfter[m] > monthsBefore[m]).toBe(true);
    expect(heads().steps.map((x) => x.value)).toEqual([12, 3, -1.2, 1.2, 15]);
  });
});

describe('layout edits', () => {
  it('setLayout replaces the items, returns its inverse, and the engine ignores it', () => {
    const { nb, engine, edit } = annualPlan();
    const before = structuredClone(nb.layout.items);
    const hidden = before.map((i) => (i.id === 'E_Bonus.payout' ? { ...i, hidden: true } : i));
    const inverse = applyEdits(nb, [{ type: 'setLayout', items: hidden }]);
    expect(nb.layout.items.find((i) => i.id === 'E_Bonus.payout')?.hidden).toBe(true);
    expect(inverse).toEqual([{ type: 'setLayout', items: before }]);
    applyEdits(nb, inverse);
    expect(nb.layout.items).toEqual(before);
    expect(engine.apply([{ type: 'setLayout', items: [] }])).toEqual({ ok: true, value: [] });
    // renaming a sheet carries its items along
    edit([{ type: 'renameSheet', from: 'E_Bonus', to: 'Bonus' }]);
    expect(nb.layout.items.filter((i) => i.sheet === 'Bonus')).toHaveLength(defaultLayout('E_Bonus').length);
  });
});

describe('waterfall', () => {
  it('A_Market growth bridge: steps on the running base (D52:D55) and ending on the FY2026 total', () => {
    const { nb, engine, reader } = annualPlan();
    const d = chartData(waterfallModel, item(nb, 'A_Market.bridge'), reader, 'en');
    expect(d.steps.map((s) => s.kind)).toEqual(['total', 'delta', 'delta', 'delta', 'delta', 'total']);
    expect(d.steps.map((s) => s.label)).toEqual(['FY2025 Actual', 'Volume', 'Share gain', 'Upgrade', 'New customers', 'FY2026 Market model']);
    expect(d.steps.map((s) => s.value)).toEqual(['B51', 'B52', 'B53', 'B54', 'B55', 'B56'].map((a) => num(engine, 'A_Market', a)));
    // the invisible base column of the sheet is the running base of each delta
    for (const [i, addr] of [[1, 'D52'], [2, 'D53'], [3, 'D54'], [4, 'D55']] as const) expectNear(d.steps[i].start, num(engine, 'A_Market', addr));
    expectNear(d.steps[4].end, 21475);
    expect(d.steps[5]).toMatchObject({ start: 0, end: num(engine, 'A_Market', 'B56') });
    expect(d.balance).toBeCloseTo(num(engine, 'A_Market', 'E56'), 9);
    expect(d.balance).toBeCloseTo(0, 9);
    expect(d.format).toBe('#,##0.00');
    expect(d.problems).toEqual([]);
  });

  it('C_Ansoff gap bridge: BASE_TOTAL + four quadrants reconciles to TARGET_TOTAL', () => {
    const { nb, engine, reader } = annualPlan();
    const d = chartData(waterfallModel, item(nb, 'C_Ansoff.bridge'), reader, 'zh-CN');
    expect(d.steps.map((s) => s.label)).toEqual(['FY2025 实际', '市场渗透', '市场开发', '产品开发', '多元化', '年度目标']);
    expect(d.steps[0].end).toBe(17500);
    const quadrants = ['B55', 'B56', 'B57', 'B58'].map((a) => num(engine, 'C_Ansoff', a));
    expect(d.steps.slice(1, 5).map((s) => s.value)).toEqual(quadrants);
    expectNear(d.steps[4].end, num(engine, 'B_Target', 'G45'));
    expect(d.steps[5].value).toBeCloseTo(21211.408, 3);
    expect(Math.abs(d.balance)).toBeLessThan(1e-6);
  });

  it('a bridge that does not reconcile says by how much', () => {
    const { nb, reader, edit } = annualPlan();
    edit([{ type: 'setCells', sheet: 'A_Market', writes: [{ addr: 'B56', raw: 21000 }] }]);
    expect(chartData(waterfallModel, item(nb, 'A_Market.bridge'), reader, 'en').balance).toBeCloseTo(-475, 9);
  });

  it('a user waterfall starts from the first value and closes on a computed total', () => {
    const { steps, balance } = waterfallSteps([
      { label: 'start', value: 100, kind: 'total' },
      { label: 'up', value: 30, kind: 'delta' },
      { label: 'down', value: -50, kind: 'delta' },
    ]);
    expect(steps.map((s) => [s.start, s.end])).toEqual([[0, 100], [100, 130], [130, 80]]);
    expect(balance).toBe(0);
    const reader: CellReader = {
      value: (_s, a) => ({ A1: 'Q1', A2: 'Q2', A3: 'Q3', B1: 10, B2: 5, B3: -3 })[a],
      format: () => undefined,
      nameExpression: () => undefined,
    };
    const d = chartData(waterfallModel, { id: 'u', kind: 'waterfall', sheet: 'S', ranges: { labels: 'A1:A3', values: 'B1:B3' }, options: { endLabel: { zh: '合计', en: 'Total' } } }, reader, 'en');
    expect(d.steps.map((s) => [s.label, s.kind, s.start, s.end])).toEqual([['Q1', 'total', 0, 10], ['Q2', 'delta', 10, 15], ['Q3', 'delta', 15, 12], ['Total', 'total', 0, 12]]);
  });
});

describe('tornado', () => {
  it('D_Expense: bars ordered by swing (the rank column G29:G34), around the contribution profit', () => {
    const { nb, engine, reader } = annualPlan();
    const d = chartData(tornadoModel, item(nb, 'D_Expense.tornado'), reader, 'en');
    expect(d.base).toBeCloseTo(8546.5223, 3);
    const byRank = [29, 30, 31, 32, 33, 34].sort((a, b) => num(engine, 'D_Expense', `G${a}`) - num(engine, 'D_Expense', `G${b}`));
    expect(d.bars.map((b) => b.label)).toEqual(byRank.map((r) => localizedLabel(String(engine.value('D_Expense', `A${r}`)), 'en')));
    expect(d.bars.map((b) => b.label)).toEqual(['Price', 'Volume', 'Unit cost', 'Var. expense rate', 'Fixed expense', 'HV mix (±pts)']);
    for (const b of d.bars) expectNear(b.swing, Math.abs(b.high - b.low));
    for (let i = 1; i < d.bars.length; i++) expect(d.bars[i - 1].swing).toBeGreaterThanOrEqual(d.bars[i].swing);
    expect(d.bars[0]).toMatchObject({ low: expect.closeTo(6701.8096, 3), high: expect.closeTo(10391.2349, 3) });
  });

  it('the order follows the swings when an input changes which driver matters most', () => {
    const { nb, reader, edit } = annualPlan();
    // fixed expense ±10% → ±300%: its swing (2 × 3 × 1478) now tops price
    edit([{ type: 'setCells', sheet: 'D_Expense', writes: [{ addr: 'B33', raw: 3 }] }]);
    expect(chartData(tornadoModel, item(nb, 'D_Expense.tornado'), reader, 'en').bars[0].label).toBe('Fixed expense');
  });
});

describe('payout curve', () => {
  const spec: PayoutParams = { threshold: 0.8, atThreshold: 0.5, target: 1, accel: 2, cap: 2, slopeLow: 2.5 };

  it('E_Bonus: parameters from C6:C13 and the vertices of the curve formula', () => {
    const { nb, reader } = annualPlan();
    const d = chartData(payoutModel(PAYOUT_RULE), item(nb, 'E_Bonus.payout'), reader, 'en');
    expect(d.params).toEqual(spec);
    expect(d.capAt).toBeCloseTo(1.5, 12);
    // threshold 80% → 50% (a jump), target 100% → 100%, slope 2 above, cap 200% from 150%
    expect(d.curve.map((p) => [+p.x.toFixed(6), +p.y.toFixed(6)])).toEqual([[0.5, 0], [0.8, 0], [0.8, 0.5], [1, 1], [1.5, 2], [1.7, 2]]);
    expect(d.xMin).toBe(0.5);
    expect(d.xMax).toBeCloseTo(1.7, 12);
  });

  it('the sheet’s curve table (A65:B77) and every rep (G23:G34 → I23:I34) lie on the curve', () => {
    const { nb, reader } = annualPlan();
    const d = chartData(payoutModel(PAYOUT_RULE), item(nb, 'E_Bonus.payout'), reader, 'en');
    expect(d.table).toHaveLength(13);
    for (const t of d.table) expect(payoutAt(t.x, d.params)).toBeCloseTo(t.y, 12);
    expect(d.table.map((t) => t.y)).toEqual([0, 0, 0, 0.5, 0.75, 1, 1.2, 1.4, 1.6, 1.8, 2, 2, 2].map((y) => expect.closeTo(y, 12)));
    expect(d.reps.map((r) => r.label)).toEqual(['E01', 'E02', 'E03', 'S01', 'S02', 'S03', 'N01', 'N02', 'N03', 'W01', 'W02', 'W03']);
    for (const r of d.reps) expect(payoutAt(r.x, d.params)).toBeCloseTo(r.y, 12);
    // and the polyline passes through them: interpolate on the segment that holds x
    const onCurve = (x: number) => {
      const pts = d.curve;
      for (let i = pts.length - 1; i > 0; i--) {
        const [a, b] = [pts[i - 1], pts[i]];
        if (x >= a.x && x <= b.x && a.x !== b.x) return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
      }
      return NaN;
    };
    for (const r of d.reps) expect(onCurve(r.x)).toBeCloseTo(r.y, 12);
  });

  it('a new threshold (E_Bonus!C6) moves the jump, the derived slope and the reps’ payouts', () => {
    const { nb, reader, edit } = annualPlan();
    edit([{ type: 'setCells', sheet: 'E_Bonus', writes: [{ addr: 'C6', raw: 0.9 }] }]);
    const d = chartData(payoutModel(PAYOUT_RULE), item(nb, 'E_Bonus.payout'), reader, 'en');
    expect(d.params.threshold).toBe(0.9);
    expect(d.params.slopeLow).toBeCloseTo(5, 12); // (1 − 0.5) / (1 − 0.9)
    expect(d.curve.slice(0, 4).map((p) => [+p.x.toFixed(6), +p.y.toFixed(6)])).toEqual([[0.5, 0], [0.9, 0], [0.9, 0.5], [1, 1]]);
    const e03 = d.reps.find((r) => r.label === 'E03')!; // 85%: now below the threshold
    expect(e03.y).toBe(0);
    for (const r of d.reps) expect(payoutAt(r.x, d.params)).toBeCloseTo(r.y, 12);
  });

  it('the formula: float noise below the threshold still pays, the cap holds, a flat accelerator never caps', () => {
    expect(payoutAt(0.7999999999, spec)).toBe(0.5);
    expect(payoutAt(0.7999, spec)).toBe(0);
    expect(payoutAt(0.9, spec)).toBeCloseTo(0.75, 12);
    expect(payoutAt(1.55, spec)).toBe(2);
    expect(capAttainment({ ...spec, accel: 0 })).toBeUndefined();
    // a cap below the target payout binds on the low segment: one more vertex where it starts
    const low = payoutCurve({ ...spec, cap: 0.75 }, 0.5, 1.2);
    expect(low.map((p) => [+p.x.toFixed(6), +p.y.toFixed(6)])).toEqual([[0.5, 0], [0.8, 0], [0.8, 0.5], [0.9, 0.75], [1, 0.75], [1.2, 0.75]]);
  });
});

describe('series', () => {
  it('A_Market sources by product: four series (rows C31:E34) over P1–P3, stacking to Σ sources', () => {
    const { nb, engine, reader } = annualPlan();
    const d = chartData(seriesModel, item(nb, 'A_Market.sources'), reader, 'en');
    expect(d.categories).toEqual(['P1', 'P2', 'P3']);
    expect(d.series.map((s) => s.label)).toEqual(['① Volume', '② Share gain', '③ HV substitution', '④ New customers']);
    expect(d.series[0].values).toEqual([500, 440, 200]);
    ['C', 'D', 'E'].forEach((col, i) => expectNear(sum(d.series.map((s) => s.values[i])), num(engine, 'A_Market', `${col}35`)));
  });

  it('B_Target forecasts: two ranges joined as five method rows; final targets stack to each region’s total', () => {
    const { nb, engine, reader } = annualPlan();
    const f = chartData(seriesModel, item(nb, 'B_Target.forecasts'), reader, 'zh-CN');
    expect(f.series.map((s) => s.label)).toEqual(['趋势', '市场模型', '定量', '判断', '目标']);
    expect(f.categories).toEqual(['P1', 'P2', 'P3']);
    expect(f.series[4].values).toEqual(['C45', 'D45', 'E45'].map((a) => num(engine, 'B_Target', a)));
    const t = chartData(seriesModel, item(nb, 'B_Target.final'), reader, 'en');
    expect(t.categories).toEqual(['East', 'South', 'North', 'West']);
    expect(t.series).toHaveLength(4);
    t.categories.forEach((_, i) => expectNear(sum(t.series.map((s) => s.values[i])), num(engine, 'B_Target', `G${88 + i}`)));
  });

  it('rep quotas sorted largest first, each coloured by its region', () => {
    const { nb, reader } = annualPlan();
    const d = chartData(seriesModel, item(nb, 'B_Target.quotas'), reader, 'en');
    expect(d.categories.slice(0, 3)).toEqual(['E01', 'E02', 'E03']);
    const v = d.series[0].values as number[];
    for (let i = 1; i < v.length; i++) expect(v[i - 1]).toBeGreaterThanOrEqual(v[i]);
    expect(d.colors?.slice(0, 4)).toEqual(['East', 'East', 'East', 'South']);
  });

  it('D_Expense by region: pool/projects/salaries/bonus stack to the region totals, with the ratio line', () => {
    const { nb, engine, reader } = annualPlan();
    const d = chartData(seriesModel, item(nb, 'D_Expense.regions'), reader, 'en');
    expect(d.series.map((s) => s.label)).toEqual(['Pool', 'Projects', 'Salaries', 'Bonus']);
    expect(d.categories).toEqual(['East', 'South', 'North', 'West', 'National']);
    d.categories.forEach((_, i) => expectNear(sum(d.series.map((s) => s.values[i])), num(engine, 'D_Expense', `G${72 + i}`)));
    expect(d.line?.values.slice(0, 4)).toEqual([72, 73, 74, 75].map((r) => num(engine, 'D_Expense', `I${r}`)));
    expect(d.line?.values[4]).toBeNull();
  });

  it('E_Bonus target incentive vs bonus: two columns joined side by side', () => {
    const { nb, reader } = annualPlan();
    const d = chartData(seriesModel, item(nb, 'E_Bonus.repBonus'), reader, 'en');
    expect(d.categories).toHaveLength(12);
    expect(d.series.map((s) => s.label)).toEqual(['Target incentive', 'Bonus']);
    expect(d.series[0].values[0]).toBe(16);
    expect(d.series[1].values[0]).toBeCloseTo(20.672, 9);
  });
});

describe('Ansoff, TD vs BU, bullet, KPI', () => {
  it('the four tiles sit in the classic 2×2 and sum to the growth gap', () => {
    const { nb, engine, reader } = annualPlan();
    const { tiles } = chartData(ansoffModel, item(nb, 'C_Ansoff.grid'), reader, 'en');
    expect(tiles.map((t) => [t.label, t.row, t.col])).toEqual([
      ['Market penetration', 0, 0],
      ['Market development', 0, 1],
      ['Product development', 1, 0],
      ['Diversification', 1, 1],
    ]);
    expectNear(tiles.reduce((a, t) => a + t.planned, 0), num(engine, 'C_Ansoff', 'C4'));
    expectNear(tiles.reduce((a, t) => a + t.share, 0), 1);
    expect(tiles[0]).toMatchObject({ cost: 290, risk: 'Low', prob: expect.closeTo(0.854, 3) });
  });

  it('TD vs BU: West deviates beyond ALERT_DEV and is flagged', () => {
    const { nb, reader } = annualPlan();
    const d = chartData(tdBuModel, item(nb, 'B_Target.tdbu'), reader, 'en');
    expect(d.band).toBe(0.1);
    expect(d.rows.map((r) => [r.label, r.alert])).toEqual([['East', false], ['South', false], ['North', false], ['West', true]]);
    expect(d.rows[3].dev).toBeCloseTo(-0.1113, 4);
  });

  it('bullet: projected payout, budget and Σ target incentive', () => {
    const { nb, reader } = annualPlan();
    expect(chartData(bulletModel, item(nb, 'E_Bonus.budget'), reader, 'en')).toMatchObject({ value: expect.closeTo(249.6142, 3), budget: expect.closeTo(318.1711, 3), target: 232 });
  });

  it('a KPI bound to a name reports the name; one bound to a cell reports Sheet!A1', () => {
    const { nb, reader } = annualPlan();
    const byName = chartData(kpiModel, item(nb, 'B_Target.kpi.target'), reader, 'en');
    expect(byName.key).toBe('TARGET_TOTAL');
    expect(byName.cell).toMatchObject({ sheet: 'B_Target', addr: 'G45', format: '#,##0.00' });
    expect(chartData(kpiModel, item(nb, 'E_Bonus.kpi.projected'), reader, 'en').key).toBe('E_Bonus!C48');
  });

  it('an error in a bound cell is reported with its address', () => {
    const { nb, reader, edit } = annualPlan();
    edit([{ type: 'setCells', sheet: 'A_Market', writes: [{ addr: 'B53', raw: '=1/0' }] }]);
    expect(chartData(waterfallModel, item(nb, 'A_Market.bridge'), reader, 'en').problems).toEqual(['A_Market!B53 #DIV/0!']);
  });
});

describe('labels and a user’s own range', () => {
  it('bilingual cell labels keep the UI language and the neutral codes', () => {
    expect(localizedLabel('华东 East', 'en')).toBe('East');
    expect(localizedLabel('华东 East', 'zh-CN')).toBe('华东');
    expect(localizedLabel('P1 血管介入耗材 Vascular Intervention', 'en')).toBe('P1 Vascular Intervention');
    expect(localizedLabel('P1 血管介入耗材 Vascular Intervention', 'zh-CN')).toBe('P1 血管介入耗材');
    expect(localizedLabel('FY2025 实际 Actual', 'en')).toBe('FY2025 Actual');
    expect(localizedLabel('Volume growth = R0×g', 'zh-CN')).toBe('Volume growth = R0×g');
    expect(localizedLabel('①容量增长', 'en')).toBe('①容量增长');
  });

  it('a selected table: header row → series names, label column → categories', () => {
    const cells: Record<string, unknown> = { A1: 'Region', B1: 'FY25', C1: 'FY26', A2: 'East', B2: 1, C2: 2, A3: 'West', B3: 3, C3: 4 };
    const reader: CellReader = { value: (_s, a) => cells[a] as never, format: () => undefined, nameExpression: () => undefined };
    expect(tableRanges('A1:C3', 'S', reader)).toEqual({ values: 'B2:C3', rowLabels: 'A2:A3', colLabels: 'B1:C1' });
    expect(tableRanges('B2:C3', 'S', reader)).toEqual({ values: 'B2:C3' });
    expect(tableRanges('Other!A1:C3', 'S', reader)).toEqual({ values: 'Other!B2:C3', rowLabels: 'Other!A2:A3', colLabels: 'Other!B1:C1' });
    const d = chartData(seriesModel, { id: 'u', kind: 'bar', sheet: 'S', ranges: { values: 'B2:C3', rowLabels: 'A2:A3', colLabels: 'B1:C1' } }, reader, 'en');
    expect(d.categories).toEqual(['East', 'West']);
    expect(d.series.map((s) => [s.label, s.values])).toEqual([['FY25', [1, 3]], ['FY26', [2, 4]]]);
  });
});
