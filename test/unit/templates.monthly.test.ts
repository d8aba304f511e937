/**
 * G_Monthly's calculation (issue 17, normative) with the real engine, against an independent
 * implementation, on random shapes, seasonality, actuals and closed months — the company, each
 * region (forecast and gap from the region × line finals) and each rep (YTD, forecast, status,
 * and the payout accrual forecast: the bonus curve on the forecast attainment against the budget).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { isCellError } from '../../src/model/cell';
import { checkCells, checkState } from '../../src/model/checks';
import { templateById } from '../../templates';
import { expectedValues } from '../../templates/catalog';
import { MONTHLY_KPIS, monthlyGenerator, monthlyInputKey, monthlyLayout, monthlyLayoutItems } from '../../templates/generators/monthly';
import { payoutAt, type PayoutParams } from '../../templates/generators/payoutRule';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { EngineNotebook } from '../../workers/engineCore';
import '../../src/ui/vocabulary'; // the templates' vocabularies, as the app registers them

interface Case {
  targets: number[];
  regions: number;
  season: number[][];
  actuals: number[][][]; // region × line × month
  closed: number;
  /** Per line, the weight of each region in the line's target (REGION_LINE_FINAL = T_p × w ÷ Σw). */
  split: number[][];
  reps: { region: number; quota: number; actuals: number[]; /** target incentive */ ti: number }[];
  /** The bonus plan's payout curve (target attainment 100 %) and its budget as a multiple of Σ TI. */
  payout: PayoutParams;
  budgetFactor: number;
}

const budgetOf = (c: Case) => c.budgetFactor * c.reps.reduce((s, r) => s + r.ti, 0);

/** T_{r,p}: each line's target split over the regions by the case's weights (all to the first region when they are all 0). */
function regionLine(c: Case): number[][] {
  return Array.from({ length: c.regions }, (_x, r) =>
    c.targets.map((T, p) => {
      const w = c.split[p];
      const sum = w.reduce((a, b) => a + b, 0);
      return sum === 0 ? (r === 0 ? T : 0) : (T * w[r]) / sum;
    }),
  );
}

/** The expected outputs, straight from the formulas. */
function expected(c: Case) {
  const P = c.targets.length;
  const M = c.closed;
  const monthly = Array.from({ length: 12 }, (_x, m) => c.targets.reduce((s, T, p) => s + T * c.season[p][m], 0));
  const ytdTarget = monthly.slice(0, M).reduce((a, b) => a + b, 0);
  const A = Array.from({ length: P }, (_x, p) => c.actuals.reduce((s, reg) => s + reg[p].slice(0, M).reduce((a, b) => a + b, 0), 0));
  const Sp = c.season.map((row) => row.slice(0, M).reduce((a, b) => a + b, 0));
  const rest = c.season.map((row) => row.slice(M).reduce((a, b) => a + b, 0));
  const forecast = A.map((a, p) => (Sp[p] > 0 ? a / Sp[p] : a + c.targets[p] * rest[p]));
  const ytdActual = A.reduce((a, b) => a + b, 0);
  const fy = forecast.reduce((a, b) => a + b, 0);
  const total = c.targets.reduce((a, b) => a + b, 0);
  // By region: forecast_{r,p} = A_{r,p} / S_p, or A_{r,p} + T_{r,p} × Σ_{m>M} s_{p,m}.
  const TR = regionLine(c);
  const regionForecast = c.actuals.map((reg, r) =>
    reg.reduce((s, months, p) => {
      const a = months.slice(0, M).reduce((x, y) => x + y, 0);
      return s + (Sp[p] > 0 ? a / Sp[p] : a + TR[r][p] * rest[p]);
    }, 0),
  );
  const regionGap = regionForecast.map((f, r) => f - TR[r].reduce((a, b) => a + b, 0));
  // By rep: the rep's months follow the company-weighted seasonality (quota × monthly ÷ total).
  const reps = c.reps.map((rep) => {
    const q = monthly.map((v) => (total === 0 ? 0 : (rep.quota * v) / total));
    const ytdT = q.slice(0, M).reduce((a, b) => a + b, 0);
    const a = rep.actuals.slice(0, M).reduce((x, y) => x + y, 0);
    const att = ytdT === 0 ? 0 : a / ytdT;
    const s = rep.quota > 0 ? ytdT / rep.quota : 0;
    const f = s > 0 ? a / s : a + q.slice(M).reduce((x, y) => x + y, 0);
    // The payout accrual forecast: the curve on forecast ÷ quota, times the rep's target incentive.
    const fcAtt = rep.quota === 0 ? 0 : f / rep.quota;
    const payout = payoutAt(fcAtt, c.payout) * rep.ti;
    return { ytdTarget: ytdT, ytdActual: a, attainment: att, forecast: f, gap: f - rep.quota, status: att >= 1 ? 'G' : att >= 0.9 ? 'A' : 'R', fcAtt, payout };
  });
  const payoutForecast = reps.reduce((s, r) => s + r.payout, 0);
  const budget = budgetOf(c);
  return {
    monthly, ytdTarget, ytdActual, attainment: ytdTarget === 0 ? 0 : ytdActual / ytdTarget, fy, gap: fy - total, regionForecast, regionGap, reps,
    payoutForecast, payoutVsBudget: payoutForecast - budget, overBudget: payoutForecast > budget,
  };
}

const repName = (k: number) => `Rep${k + 1}`;
/** Probe columns: region outputs (rows = regions), rep outputs (rows = reps). */
const REGION_OUT = ['REGION_FY_FORECAST', 'REGION_FY_GAP'] as const;
const REP_OUT = ['REP_YTD_TARGET', 'REP_YTD_ACTUAL', 'REP_ATTAINMENT', 'REP_FY_FORECAST', 'REP_FY_GAP', 'REP_STATUS', 'REP_FORECAST_ATTAINMENT', 'REP_FORECAST_PAYOUT'] as const;
const probeCol = (i: number) => String.fromCharCode(67 + i); // C…

/** A notebook with a lists sheet standing in for the target sheets, and G_Monthly from the generator. */
function build(c: Case): EngineNotebook {
  const P = c.targets.length;
  const products = Array.from({ length: P }, (_x, p) => ({ name: `L${p + 1}`, isNew: false }));
  const regions = Array.from({ length: c.regions }, (_x, r) => `区${r + 1} R${r + 1}`);
  const shape: ClientShape = { ...SAMPLE_SHAPE, products, regions, history: undefined, potential: undefined };
  const inputs: Record<string, number> = { [monthlyInputKey('CLOSED_MONTHS', 'value')]: c.closed };
  products.forEach((pl, p) => c.season[p].forEach((v, m) => (inputs[monthlyInputKey(pl.name, `season${m + 1}`)] = v)));
  regions.forEach((rg, r) => products.forEach((pl, p) => c.actuals[r][p].forEach((v, m) => (inputs[monthlyInputKey(`${rg}|${pl.name}`, `actual${m + 1}`)] = v))));
  c.reps.forEach((rep, k) => rep.actuals.forEach((v, m) => (inputs[monthlyInputKey(repName(k), `actual${m + 1}`)] = v)));
  const lists: Record<string, string | number> = {};
  products.forEach((pl, p) => {
    lists[`A${p + 1}`] = pl.name;
    lists[`${String.fromCharCode(67 + p)}1`] = c.targets[p]; // C1…
  });
  regions.forEach((rg, r) => (lists[`B${r + 1}`] = rg));
  const last = String.fromCharCode(67 + P - 1);
  const probe: Record<string, string> = {};
  OUTPUTS.forEach((n, i) => (probe[`A${i + 1}`] = `=${n}`));
  for (let m = 0; m < 12; m++) probe[`B${m + 1}`] = `=INDEX(MONTHLY_TARGET,1,${m + 1})`;
  REGION_OUT.forEach((n, i) => regions.forEach((_r, r) => (probe[`${probeCol(i)}${r + 1}`] = `=INDEX(${n},${r + 1})`)));
  REP_OUT.forEach((n, i) => c.reps.forEach((_x, k) => (probe[`${probeCol(REGION_OUT.length + i)}${k + 1}`] = `=INDEX(${n},${k + 1})`)));
  probe.Z1 = '=SUM(REGION_FY_FORECAST)';
  // REGION_LINE_FINAL (regions down × lines across) with REGION_FINAL its row sums in column H; the roster.
  const TR = regionLine(c);
  const rl: Record<string, string | number> = {};
  TR.forEach((row, r) => {
    row.forEach((v, p) => (rl[`${String.fromCharCode(65 + p)}${r + 1}`] = v));
    rl[`H${r + 1}`] = `=SUM(A${r + 1}:${String.fromCharCode(65 + P - 1)}${r + 1})`;
  });
  const roster: Record<string, string | number> = {};
  c.reps.forEach((rep, k) => Object.assign(roster, { [`A${k + 1}`]: repName(k), [`B${k + 1}`]: regions[rep.region], [`C${k + 1}`]: rep.quota, [`D${k + 1}`]: rep.ti }));
  // The bonus plan's names: its budget and payout curve, as constants.
  const po = c.payout;
  const bonusNames = Object.entries({
    BONUS_BUDGET: budgetOf(c), PO_THRESHOLD: po.threshold, PO_AT_THRESHOLD: po.atThreshold, PO_TARGET: po.target, PO_ACCEL: po.accel, PO_CAP: po.cap, PO_SLOPE_LOW: po.slopeLow,
  }).map(([name, v]) => ({ name, expression: `=${v}` }));
  shape.reps = c.reps.map((rep, k) => ({ name: repName(k), region: regions[rep.region], level: SAMPLE_SHAPE.reps[0].level }));
  const N = c.reps.length;
  const part = monthlyGenerator.generate({ shape, inputs, names: new Map() });
  const nb: Notebook = {
    ...emptyNotebook('monthly'),
    sheets: [
      { id: 'lists', name: 'Lists', cells: lists, formats: {} },
      { id: 'rl', name: 'RL', cells: rl, formats: {} },
      { id: 'roster', name: 'Roster', cells: roster, formats: {} },
      ...part.sheets,
      { id: 'probe', name: 'Probe', cells: probe, formats: {} },
    ],
    names: [
      { name: 'PRODUCT_NAME', expression: `=Lists!$A$1:$A$${P}` },
      { name: 'PRODUCT_TARGET', expression: `=Lists!$C$1:$${last}$1` },
      { name: 'REGION_NAME', expression: `=Lists!$B$1:$B$${c.regions}` },
      { name: 'TARGET_TOTAL', expression: `=SUM(Lists!$C$1:$${last}$1)` },
      { name: 'REGION_LINE_FINAL', expression: `=RL!$A$1:$${String.fromCharCode(65 + P - 1)}$${c.regions}` },
      { name: 'REGION_FINAL', expression: `=RL!$H$1:$H$${c.regions}` },
      { name: 'REP_NAME', expression: `=Roster!$A$1:$A$${N}` },
      { name: 'REP_REGION', expression: `=Roster!$B$1:$B$${N}` },
      { name: 'REP_QUOTA', expression: `=Roster!$C$1:$C$${N}` },
      { name: 'REP_TARGET_BONUS', expression: `=Roster!$D$1:$D$${N}` },
      ...bonusNames,
      ...part.names,
    ],
  };
  return new EngineNotebook(nb);
}

const OUTPUTS = ['YTD_TARGET', 'YTD_ACTUAL', 'ATTAINMENT_YTD', 'FY_FORECAST', 'FY_GAP', 'PAYOUT_FORECAST', 'PAYOUT_FORECAST_VS_BUDGET'];

const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
/** For payouts: `payoutAt` rounds the attainment to 6 decimals, the sheet does not (up to PO_ACCEL × 5e-7 apart). */
/** `slack`: the reference (`payoutAt`) rounds attainment to 6 decimals, the sheet's formula does not. */
const closePay = (a: unknown, b: number, slack = 0) => typeof a === 'number' && Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)) + slack;

const caseArb = fc
  .record({ P: fc.integer({ min: 1, max: 5 }), R: fc.integer({ min: 1, max: 4 }), closed: fc.integer({ min: 0, max: 12 }) })
  .chain(({ P, R, closed }) =>
    fc.record({
      targets: fc.array(fc.integer({ min: 0, max: 50000 }), { minLength: P, maxLength: P }),
      regions: fc.constant(R),
      // Weights 0–5 normalised to 100 %; an all-zero line stays zero (the S_p = 0 branch).
      season: fc.array(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 12, maxLength: 12 }).map((w) => {
          const s = w.reduce((a, b) => a + b, 0);
          return s === 0 ? w : w.map((x) => x / s);
        }),
        { minLength: P, maxLength: P },
      ),
      actuals: fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 12, maxLength: 12 }), { minLength: P, maxLength: P }), { minLength: R, maxLength: R }),
      closed: fc.constant(closed),
      split: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: R, maxLength: R }), { minLength: P, maxLength: P }),
      // Quotas include 0 (S = 0: the forecast is the actuals); a rep's actuals are any amounts, sparse or not.
      reps: fc.array(
        fc.record({
          region: fc.integer({ min: 0, max: R - 1 }),
          quota: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20000 })),
          actuals: fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 12, maxLength: 12 }),
          ti: fc.integer({ min: 0, max: 3000 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      // A curve in the spec's form: threshold below target (100 %), the low slope derived so that f(100 %) = 100 %.
      payout: fc
        .record({ threshold: fc.integer({ min: 40, max: 95 }), atThreshold: fc.integer({ min: 0, max: 90 }), accel: fc.integer({ min: 0, max: 40 }), cap: fc.integer({ min: 80, max: 300 }) })
        .map(({ threshold, atThreshold, accel, cap }): PayoutParams => ({
          threshold: threshold / 100, atThreshold: atThreshold / 100, target: 1, accel: accel / 10, cap: cap / 100,
          slopeLow: (1 - atThreshold / 100) / (1 - threshold / 100),
        })),
      budgetFactor: fc.integer({ min: 30, max: 200 }).map((x) => x / 100),
    }),
  );

describe('G_Monthly: YTD and forecast', () => {
  it('agrees with an independent implementation on random shapes, seasonality and actuals', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const engine = build(c);
        const want = expected(c);
        const got = {
          monthly: Array.from({ length: 12 }, (_x, m) => engine.value('Probe', `B${m + 1}`)),
          ...Object.fromEntries(OUTPUTS.map((n, i) => [n, engine.value('Probe', `A${i + 1}`)])),
        } as Record<string, unknown> & { monthly: unknown[] };
        for (let m = 0; m < 12; m++) expect(close(got.monthly[m], want.monthly[m])).toBe(true);
        expect(close(got.YTD_TARGET, want.ytdTarget)).toBe(true);
        expect(close(got.YTD_ACTUAL, want.ytdActual)).toBe(true);
        expect(close(got.ATTAINMENT_YTD, want.attainment)).toBe(true);
        expect(close(got.FY_FORECAST, want.fy)).toBe(true);
        expect(close(got.FY_GAP, want.gap)).toBe(true);
        // The cumulative chart's rows: plan ends at the target, actual stops at M, the forecast runs from M to FY_FORECAST.
        const L = monthlyLayout(c.targets.length, c.regions);
        const at = (m: number, k: number) => engine.value('G_Monthly', `${String.fromCharCode(67 + m)}${L.cumRow + k + 1}`);
        expect(close(at(11, 0), c.targets.reduce((a, b) => a + b, 0))).toBe(true);
        for (let m = 0; m < 12; m++) {
          if (m + 1 <= c.closed) expect(close(at(m, 1), c.actuals.reduce((s, reg) => s + reg.reduce((t, line) => t + line.slice(0, m + 1).reduce((a, b) => a + b, 0), 0), 0))).toBe(true);
          else expect(at(m, 1)).toBe('');
          if (m + 1 >= c.closed) expect(at(m, 2)).not.toBe('');
          else expect(at(m, 2)).toBe('');
        }
        expect(close(at(11, 2), want.fy)).toBe(true);
        if (c.closed > 0) expect(close(at(c.closed - 1, 2), want.ytdActual)).toBe(true);

        // By region: forecast and gap against the implementation; the regions add up to the company.
        const probe = (col: number, row: number) => engine.value('Probe', `${probeCol(col)}${row + 1}`);
        for (let r = 0; r < c.regions; r++) {
          expect(close(probe(0, r), want.regionForecast[r]), `region ${r + 1} forecast`).toBe(true);
          expect(close(probe(1, r), want.regionGap[r]), `region ${r + 1} gap`).toBe(true);
        }
        expect(close(engine.value('Probe', 'Z1'), got.FY_FORECAST as number)).toBe(true);
        expect(close(want.regionForecast.reduce((a, b) => a + b, 0), want.fy)).toBe(true);
        // By rep: YTD target and actual, attainment, forecast, gap, status.
        const total = c.targets.reduce((a, b) => a + b, 0);
        c.reps.forEach((rep, k) => {
          const w = want.reps[k];
          const R0 = REGION_OUT.length;
          expect(close(probe(R0, k), w.ytdTarget), `rep ${k + 1} YTD target`).toBe(true);
          expect(close(probe(R0 + 1, k), w.ytdActual), `rep ${k + 1} YTD actual`).toBe(true);
          expect(close(probe(R0 + 2, k), w.attainment), `rep ${k + 1} attainment`).toBe(true);
          expect(close(probe(R0 + 3, k), w.forecast), `rep ${k + 1} forecast`).toBe(true);
          expect(close(probe(R0 + 4, k), w.gap), `rep ${k + 1} gap`).toBe(true);
          // A status right at a threshold could go either way in floating point: only clear cases.
          if (Math.abs(w.attainment - 1) > 1e-9 && Math.abs(w.attainment - 0.9) > 1e-9) expect(probe(R0 + 5, k), `rep ${k + 1} status`).toBe(w.status);
          // A rep's share of the year to date is the company's: YTD target ÷ quota = YTD_TARGET ÷ TARGET_TOTAL.
          if (rep.quota > 0 && total > 0) expect(close((probe(R0, k) as number) / rep.quota, (got.YTD_TARGET as number) / total)).toBe(true);
          // The payout accrual forecast: forecast attainment, and f(it) × TI (an attainment right at the threshold could go either way).
          expect(close(probe(R0 + 6, k), w.fcAtt), `rep ${k + 1} forecast attainment`).toBe(true);
          const slack = 5e-7 * Math.max(c.payout.slopeLow, c.payout.accel) * rep.ti;
          if (Math.abs(w.fcAtt - c.payout.threshold) > 1e-6) expect(closePay(probe(R0 + 7, k), w.payout, slack), `rep ${k + 1} forecast payout`).toBe(true);
        });
        const nearThreshold = want.reps.some((w) => Math.abs(w.fcAtt - c.payout.threshold) <= 1e-6);
        if (!nearThreshold) {
          const slack = c.reps.reduce((s, r) => s + 5e-7 * Math.max(c.payout.slopeLow, c.payout.accel) * r.ti, 0);
          expect(closePay(got.PAYOUT_FORECAST, want.payoutForecast, slack), 'PAYOUT_FORECAST').toBe(true);
          expect(closePay(got.PAYOUT_FORECAST_VS_BUDGET, want.payoutVsBudget, slack), 'PAYOUT_FORECAST_VS_BUDGET').toBe(true);
          // The check: advisory, OK or ⚠ — never ERR.
          const check = engine.value('G_Monthly', `C${L.payoutRow(c.reps.length) + 3}`);
          if (Math.abs(want.payoutVsBudget) > 1e-3) expect(checkState(check), String(check)).toBe(want.overBudget ? 'warn' : 'ok');
        }
        engine.destroy();
      }),
      { numRuns: 25 },
    );
  });
});

describe('G_Monthly on the sample plan', () => {
  const numbersOf = (engine: EngineNotebook) => Object.values(engine.allValues()).flatMap((cells) => Object.values(cells));
  /** The engine on `nb` with a probe sheet computing `formulas` (A1, A2, …). */
  function probe(nb: Notebook, formulas: string[]) {
    const cells = Object.fromEntries(formulas.map((f, i) => [`A${i + 1}`, f]));
    const engine = new EngineNotebook({ ...nb, sheets: [...nb.sheets, { id: 'probe', name: 'Probe', cells, formats: {} }] });
    return { engine, at: (i: number) => engine.value('Probe', `A${i + 1}`) as number };
  }

  it('is the seventh sheet of the annual plan; the plan opens at M = 0 with the forecast equal to the target', () => {
    const nb = templateById('annual-plan')!.create();
    expect(nb.sheets.map((s) => s.name).slice(5)).toEqual(['F_Staffing', 'G_Monthly']);
    const { engine, at } = probe(nb, ['=FY_FORECAST', '=FY_GAP', '=YTD_TARGET', '=SUM(MONTHLY_TARGET)', '=INDEX(MONTHLY_TARGET,1,1)', '=YTD_STATUS']);
    expect(numbersOf(engine).filter((v) => isCellError(v))).toEqual([]);
    const total = engine.value('B_Target', 'G45') as number; // TARGET_TOTAL
    expect(total).toBeCloseTo(expectedValues('B_Target').G45 as number, 6);
    expect(at(0)).toBeCloseTo(total, 6);
    expect(at(1)).toBeCloseTo(0, 6);
    expect(at(2)).toBe(0);
    expect(at(3)).toBeCloseTo(total, 6);
    expect(at(4)).toBeCloseTo(total / 12, 6);
  });

  it('monthly-tracking alone runs on link stubs of the sheets its lists live in, with no error', () => {
    const nb = templateById('monthly-tracking')!.create();
    expect(nb.sheets[0].name).toBe('G_Monthly');
    expect(nb.sheets[0].stub).toBeFalsy();
    expect(nb.sheets.slice(1).every((s) => s.stub)).toBe(true);
    const { engine, at } = probe(nb, ['=SUM(MONTHLY_TARGET)', '=FY_FORECAST']);
    expect(numbersOf(engine).filter((v) => isCellError(v))).toEqual([]);
    const total = expectedValues('B_Target').G45 as number; // the stub's sample TARGET_TOTAL
    expect(at(0)).toBeCloseTo(total, 6);
    expect(at(1)).toBeCloseTo(total, 6);
  });
});

describe('the monthly review slide', () => {
  it('shows on the annual plan and on the monthly-tracking template, with CLOSED_MONTHS as its driver, its KPIs and per-line gaps at the generated cells', async () => {
    const { availableSlides, availableDrivers } = await import('../../src/model/drivers');
    const plan = templateById('annual-plan')!.create();
    const slide = availableSlides(plan).find((s) => s.id === 'G_Monthly')!;
    expect(slide.drivers).toEqual(['CLOSED_MONTHS']);
    expect(availableDrivers(plan).map((d) => d.name)).toContain('CLOSED_MONTHS');
    expect(slide.kpis.map((k) => k.id)).toEqual(['ATTAINMENT_YTD', 'FY_FORECAST', 'FY_GAP', 'YTD_ACTUAL', 'PAYOUT_FORECAST']);
    // The bars read each region's YTD attainment (column D of the region block).
    const L = monthlyLayout(4, 4);
    expect(slide.bars!.bars.map((b) => b.ref)).toEqual([0, 1, 2, 3].map((k) => `G_Monthly!D${L.ragRow + k + 1}`));
    expect(availableSlides(templateById('monthly-tracking')!.create()).map((s) => s.id)).toEqual(['G_Monthly']);
  });
});

describe('G_Monthly by region', () => {
  it('YTD target, actual, attainment and RAG per region; the regions add up to the company', () => {
    const nb = templateById('annual-plan')!.create();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    Object.assign(g.cells, { C21: 1000, D21: 300, D26: 50, B3: 2 });
    const engine = new EngineNotebook(nb);
    const L = monthlyLayout(4, 4);
    const row = (k: number) => L.ragRow + k + 1;
    const total = engine.value('B_Target', 'G45') as number;
    const finals = [88, 89, 90, 91].map((r) => engine.value('B_Target', `G${r}`) as number);
    finals.forEach((f, k) => expect(engine.value('G_Monthly', `B${row(k)}`)).toBeCloseTo((f * 2) / 12, 6));
    expect(engine.value('G_Monthly', `C${row(0)}`)).toBe(1300);
    expect(engine.value('G_Monthly', `C${row(1)}`)).toBe(50);
    expect(engine.value('G_Monthly', `D${row(0)}`)).toBeCloseTo(1300 / ((finals[0] * 2) / 12), 6);
    const status = [0, 1, 2, 3].map((k) => engine.value('G_Monthly', `E${row(k)}`));
    const att = [0, 1, 2, 3].map((k) => engine.value('G_Monthly', `D${row(k)}`) as number);
    expect(status).toEqual(att.map((a) => (a >= 1 ? 'G' : a >= 0.9 ? 'A' : 'R')));
    const ytdTargets = [0, 1, 2, 3].reduce((s, k) => s + (engine.value('G_Monthly', `B${row(k)}`) as number), 0);
    expect(ytdTargets).toBeCloseTo((total * 2) / 12, 6);
  });
});

describe('G_Monthly by rep', () => {
  it('each rep\'s months follow the company-weighted seasonality and add up to the quota', () => {
    const nb = templateById('annual-plan')!.create();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    // Uneven seasonality for P1: all of it in December.
    for (let m = 0; m < 12; m++) g.cells[`${String.fromCharCode(67 + m)}8`] = m === 11 ? 1 : 0;
    const engine = new EngineNotebook(nb);
    const L = monthlyLayout(4, 4);
    const total = engine.value('B_Target', 'G45') as number;
    const monthly = Array.from({ length: 12 }, (_x, m) => engine.value('G_Monthly', `${String.fromCharCode(67 + m)}${L.targetTotalRow + 1}`) as number);
    const reps = nb.names.find((n) => n.name === 'REP_QUOTA')!;
    expect(reps).toBeDefined();
    for (let k = 0; k < 12; k++) {
      const row = L.repRow + k + 1;
      const quota = engine.value('G_Monthly', `B${row}`) as number;
      expect(quota).toBeGreaterThan(0);
      const months = Array.from({ length: 12 }, (_x, m) => engine.value('G_Monthly', `${String.fromCharCode(67 + m)}${row}`) as number);
      months.forEach((v, m) => expect(v).toBeCloseTo((quota * monthly[m]) / total, 6));
      expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(quota, 6);
    }
  });
});

describe('G_Monthly by region × line', () => {
  it('each region’s final target per line follows that line’s seasonality; the regions add up to the line’s monthly target', () => {
    const nb = templateById('annual-plan')!.create();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    // Uneven seasonality for P2: a third each in March, June and September.
    for (let m = 0; m < 12; m++) g.cells[`${String.fromCharCode(67 + m)}9`] = [2, 5, 8].includes(m) ? '=1/3' : 0;
    const engine = new EngineNotebook(nb);
    const L = monthlyLayout(4, 4);
    const X = L.regionLineRow(SAMPLE_SHAPE.reps.length);
    const col = (m: number) => String.fromCharCode(67 + m);
    for (let k = 0; k < 4; k++) {
      const season = Array.from({ length: 12 }, (_x, m) => engine.value('G_Monthly', `${col(m)}${L.seasonRow + k + 1}`) as number);
      const lineMonths = Array.from({ length: 12 }, (_x, m) => engine.value('G_Monthly', `${col(m)}${L.targetRow + k + 1}`) as number);
      const byMonth = Array.from({ length: 12 }, () => 0);
      for (let r = 0; r < 4; r++) {
        const row = X + r * 4 + k + 1;
        const final = engine.value('B_Target', `${col(k)}${88 + r}`) as number;
        expect(engine.value('G_Monthly', `A${row}`)).toBe(SAMPLE_SHAPE.regions[r]);
        expect(engine.value('G_Monthly', `B${row}`)).toBeCloseTo(final, 6);
        for (let m = 0; m < 12; m++) {
          const v = engine.value('G_Monthly', `${col(m)}${row}`) as number;
          expect(v).toBeCloseTo(final * season[m], 6);
          byMonth[m] += v;
        }
        expect(engine.value('G_Monthly', `O${row}`)).toBeCloseTo(final, 6);
      }
      byMonth.forEach((v, m) => expect(v, `line ${k + 1}, month ${m + 1}`).toBeCloseTo(lineMonths[m], 4));
    }
    engine.destroy();
  });
});

describe('G_Monthly: year to date and forecast by region and by rep on the sample plan', () => {
  const L = monthlyLayout(4, 4);
  const W = L.repActualsRow(SAMPLE_SHAPE.reps.length); // the rep actuals block (0-based), E01 first

  it('lays the rep actuals block out after every other block, with its names in roster order', () => {
    const nb = templateById('annual-plan')!.create();
    const ref = (n: string) => nb.names.find((x) => x.name === n)?.expression;
    expect(W).toBe(L.regionLineRow(12) + 16 + 2);
    expect(ref('REP_ACTUALS')).toBe(`=G_Monthly!$C$${W + 1}:$N$${W + 12}`);
    expect(ref('REP_YTD_ACTUAL')).toBe(`=G_Monthly!$O$${W + 1}:$O$${W + 12}`);
    expect(ref('REP_STATUS')).toBe(`=G_Monthly!$U$${W + 1}:$U$${W + 12}`);
    expect(ref('REGION_FY_FORECAST')).toBe(`=G_Monthly!$F$${L.ragRow + 1}:$F$${L.ragRow + 4}`);
    expect(ref('REP_FORECAST_ATTAINMENT')).toBe(`=G_Monthly!$V$${W + 1}:$V$${W + 12}`);
    expect(ref('REP_FORECAST_PAYOUT')).toBe(`=G_Monthly!$X$${W + 1}:$X$${W + 12}`);
    // Below the block: its total row, then the payout forecast, the budget and the gap to it — the sheet's last rows.
    const PO = L.payoutRow(12);
    expect(PO).toBe(W + 12 + 2);
    expect(ref('PAYOUT_FORECAST')).toBe(`=G_Monthly!$B$${PO + 1}`);
    expect(ref('PAYOUT_FORECAST_VS_BUDGET')).toBe(`=G_Monthly!$B$${PO + 3}`);
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    const last = Math.max(...Object.keys(g.cells).map((a) => Number(/\d+$/.exec(a)![0])));
    expect(last).toBe(PO + 3);
  });

  it('at M = 0 every rep is forecast at its quota and every region at its final target', () => {
    const nb = templateById('annual-plan')!.create();
    const engine = new EngineNotebook(nb);
    for (let k = 0; k < 12; k++) {
      const quota = engine.value('G_Monthly', `B${L.repRow + k + 1}`) as number;
      expect(engine.value('G_Monthly', `S${W + k + 1}`)).toBeCloseTo(quota, 6);
      expect(engine.value('G_Monthly', `T${W + k + 1}`)).toBeCloseTo(0, 6);
      expect(engine.value('G_Monthly', `P${W + k + 1}`)).toBe(0);
      expect(engine.value('G_Monthly', `Q${W + k + 1}`)).toBe(0);
    }
    for (let r = 0; r < 4; r++) {
      expect(engine.value('G_Monthly', `F${L.ragRow + r + 1}`)).toBeCloseTo(engine.value('B_Target', `G${88 + r}`) as number, 6);
      expect(engine.value('G_Monthly', `G${L.ragRow + r + 1}`)).toBeCloseTo(0, 6);
    }
    engine.destroy();
  });

  it('with two months closed: the reps’ YTD, forecast, gap and status, the regions’ forecasts adding up to FY_FORECAST, the reps’ YTD targets to their region’s × (1 + OVERASSIGN)', () => {
    const nb = templateById('annual-plan')!.create();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    Object.assign(g.cells, { B3: 2, C21: 1000, D26: 300 }); // East P1 month 1, South P2 month 2
    Object.assign(g.cells, { [`C${W + 1}`]: 600, [`D${W + 1}`]: 100, [`E${W + 1}`]: 999 }); // E01: months 1, 2 (and 3, still open)
    g.cells[`C${W + 5}`] = 50; // S02, month 1
    const checks = [
      '=FY_FORECAST',
      '=SUM(REGION_FY_FORECAST)',
      '=SUM(REP_YTD_TARGET)',
      '=YTD_TARGET*(1+OVERASSIGN)',
      ...[1, 2, 3, 4].flatMap((r) => [`=SUMIF(REP_REGION,INDEX(REGION_NAME,${r}),REP_YTD_TARGET)`, `=INDEX(REGION_YTD_TARGET,${r})*(1+OVERASSIGN)`]),
      '=FY_GAP',
      '=SUM(REGION_FY_GAP)',
    ];
    const engine = new EngineNotebook({ ...nb, sheets: [...nb.sheets, { id: 'probe', name: 'Probe', cells: Object.fromEntries(checks.map((f, i) => [`A${i + 1}`, f])), formats: {} }] });
    const at = (i: number) => engine.value('Probe', `A${i + 1}`) as number;
    const v = (addr: string) => engine.value('G_Monthly', addr) as number;
    // E01
    const quota = v(`B${L.repRow + 1}`);
    expect(v(`O${W + 1}`)).toBe(700);
    expect(v(`P${W + 1}`)).toBeCloseTo((quota * 2) / 12, 6);
    expect(v(`Q${W + 1}`)).toBeCloseTo(700 / ((quota * 2) / 12), 6);
    expect(v(`R${W + 1}`)).toBeCloseTo(2 / 12, 9);
    expect(v(`S${W + 1}`)).toBeCloseTo(4200, 6);
    expect(v(`T${W + 1}`)).toBeCloseTo(4200 - quota, 6);
    const att = v(`Q${W + 1}`);
    expect(engine.value('G_Monthly', `U${W + 1}`)).toBe(att >= 1 ? 'G' : att >= 0.9 ? 'A' : 'R');
    // E02: nothing yet — red, forecast 0; S02: 50 over two months.
    expect(v(`O${W + 2}`)).toBe(0);
    expect(v(`S${W + 2}`)).toBe(0);
    expect(engine.value('G_Monthly', `U${W + 2}`)).toBe('R');
    expect(v(`S${W + 5}`)).toBeCloseTo(300, 6);
    // Regions: East 1000 ÷ 2/12, South 300 ÷ 2/12, the others 0.
    expect(v(`F${L.ragRow + 1}`)).toBeCloseTo(6000, 6);
    expect(v(`F${L.ragRow + 2}`)).toBeCloseTo(1800, 6);
    expect(v(`F${L.ragRow + 3}`)).toBe(0);
    expect(v(`G${L.ragRow + 1}`)).toBeCloseTo(6000 - (engine.value('B_Target', 'G88') as number), 6);
    expect(at(1)).toBeCloseTo(at(0), 6);
    expect(at(0)).toBeCloseTo(7800, 6);
    expect(at(2)).toBeCloseTo(at(3), 6);
    for (let r = 0; r < 4; r++) expect(at(4 + 2 * r), `region ${r + 1}`).toBeCloseTo(at(5 + 2 * r), 6);
    expect(at(13)).toBeCloseTo(at(12), 6);
    expect(Object.values(engine.allValues()).flatMap((cells) => Object.values(cells)).filter((x) => isCellError(x))).toEqual([]);
    engine.destroy();
  });
});

describe('G_Monthly: the payout accrual forecast on the sample plan', () => {
  const L = monthlyLayout(4, 4);
  const W = L.repActualsRow(SAMPLE_SHAPE.reps.length);
  const PO = L.payoutRow(SAMPLE_SHAPE.reps.length);
  const probeNames = ['=PAYOUT_FORECAST', '=SUM(REP_TARGET_BONUS)', '=BONUS_BUDGET', '=PAYOUT_FORECAST_VS_BUDGET', '=SUM(REP_FORECAST_PAYOUT)'];
  function run(edit: (g: Record<string, unknown>, b: Record<string, unknown>) => void = () => {}) {
    const nb = templateById('annual-plan')!.create();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    const b = nb.sheets.find((s) => s.name === 'E_Bonus')!;
    edit(g.cells, b.cells);
    const engine = new EngineNotebook({ ...nb, sheets: [...nb.sheets, { id: 'probe', name: 'Probe', cells: Object.fromEntries(probeNames.map((f, i) => [`A${i + 1}`, f])), formats: {} }] });
    const at = (i: number) => engine.value('Probe', `A${i + 1}`) as number;
    const v = (addr: string) => engine.value('G_Monthly', addr);
    const params = (): PayoutParams => {
      const c = (addr: string) => engine.value('E_Bonus', addr) as number;
      return { threshold: c('C6'), atThreshold: c('C7'), target: c('C8'), accel: c('C9'), cap: c('C10'), slopeLow: c('C13') };
    };
    return { nb, engine, at, v, params };
  }

  it('REP_TARGET_BONUS is each rep’s target incentive on E_Bonus, in roster order', () => {
    const { engine, at } = run();
    const ti = Array.from({ length: 12 }, (_x, k) => engine.value('E_Bonus', `F${23 + k}`) as number);
    expect(ti.every((x) => x > 0)).toBe(true);
    expect(at(1)).toBeCloseTo(ti.reduce((a, b) => a + b, 0), 6);
    expect(engine.value('E_Bonus', 'A23')).toBe(SAMPLE_SHAPE.reps[0].name);
    engine.destroy();
  });

  it('with nothing closed every rep is forecast at 100 %, so the payout forecast is Σ target incentive × f(100 %), within the budget', () => {
    const { engine, at, v, params } = run();
    expect(v('B3')).toBe(0);
    const p = params();
    for (let k = 0; k < 12; k++) {
      expect(v(`V${W + k + 1}`) as number).toBeCloseTo(1, 9);
      expect(v(`W${W + k + 1}`) as number).toBeCloseTo(payoutAt(1, p), 9);
      expect(v(`X${W + k + 1}`) as number).toBeCloseTo(payoutAt(1, p) * (engine.value('E_Bonus', `F${23 + k}`) as number), 6);
    }
    expect(payoutAt(1, p)).toBeCloseTo(1, 9); // the spec's curve pays 100 % at target
    expect(at(0)).toBeCloseTo(at(1) * payoutAt(1, p), 6);
    expect(at(4)).toBeCloseTo(at(0), 6);
    expect(at(2)).toBeCloseTo(engine.value('E_Bonus', 'C5') as number, 6);
    expect(at(3)).toBeCloseTo(at(0) - at(2), 6);
    expect(at(3)).toBeLessThan(0); // the reps’ target incentive fits the sample’s budget
    expect(v(`C${PO + 3}`)).toBe('OK');
    expect(Object.values(engine.allValues()).flatMap((cells) => Object.values(cells)).filter((x) => isCellError(x))).toEqual([]);
    engine.destroy();
  });

  it('follows the forecast: a rep far ahead is paid at the cap, one with nothing at 0; over budget the check warns (⚠), never ERR', () => {
    const { engine, at, v, params } = run((g, b) => {
      Object.assign(g, { B3: 2, [`C${W + 1}`]: 10000, [`D${W + 1}`]: 10000 }); // E01: far ahead of its quota
      b.C4 = 0.001; // a tiny bonus budget
    });
    const p = params();
    const quota = v(`B${L.repRow + 1}`) as number;
    const fc1 = v(`S${W + 1}`) as number;
    expect(fc1).toBeCloseTo(20000 / (2 / 12), 6);
    expect(v(`V${W + 1}`) as number).toBeCloseTo(fc1 / quota, 9);
    expect(v(`W${W + 1}`) as number).toBeCloseTo(payoutAt(fc1 / quota, p), 9);
    expect(v(`W${W + 1}`) as number).toBeCloseTo(p.cap, 9);
    expect(v(`W${W + 2}`)).toBe(0); // E02: no actuals in two closed months
    const ti1 = engine.value('E_Bonus', 'F23') as number;
    expect(at(0)).toBeCloseTo(p.cap * ti1, 6); // only E01 earns
    expect(at(3)).toBeCloseTo(at(0) - at(2), 6);
    expect(at(3)).toBeGreaterThan(0);
    expect(checkState(v(`C${PO + 3}`))).toBe('warn');
    engine.destroy();
  });

  it('the check is one of the notebook’s checks, labelled by its row, in both languages', () => {
    const { nb, engine } = run();
    const check = checkCells(nb).find((c) => c.sheet === 'G_Monthly' && c.addr === `C${PO + 3}`);
    expect(check?.label).toEqual({ zh: '预测 − 预算 Forecast − budget', en: '预测 − 预算 Forecast − budget' });
    engine.destroy();
    const en = monthlyGenerator.generate({ shape: { ...SAMPLE_SHAPE, language: 'en' }, inputs: {}, names: new Map() }).sheets[0].cells;
    const zh = monthlyGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).sheets[0].cells;
    expect(en[`A${PO + 3}`]).toBe('Forecast − budget');
    expect(en[`C${PO + 3}`]).toContain('"⚠ over budget"');
    expect(zh[`C${PO + 3}`]).toContain('"⚠ 预测奖金超预算 over budget"');
    expect(String(zh[`C${PO + 3}`])).not.toContain('ERR');
  });

  it('shows as a KPI card with the budget gap as its sub-line, and on the presenter’s monthly review', () => {
    const card = monthlyLayoutItems(4, 4).find((i) => i.id === 'G_Monthly.kpi.payout')!;
    expect(card.ranges).toEqual({ value: 'PAYOUT_FORECAST', sub: 'PAYOUT_FORECAST_VS_BUDGET' });
    expect(MONTHLY_KPIS.map((k) => k.id)).toContain('PAYOUT_FORECAST');
  });
});
