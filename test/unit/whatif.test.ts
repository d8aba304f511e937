/**
 * What-if analyses on the annual plan with the real engine: the tornado reproduces the spec's
 * D_Expense sensitivity table, goal seek solves the known cases and says when there is no
 * solution, Monte Carlo is reproducible from its seed, data tables and the scenario bridge add
 * up, and every run leaves the notebook's copy exactly as it found it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { templateById } from '../../templates';
import { expectedValues } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';
import { dataTable1, dataTable2, goalSeek, monteCarlo, monteCarloPart, scenarioBridge, tornado } from '../../workers/whatifCore';
import { EXPENSE_SENSITIVITY, ANNUAL_PLAN_TORNADO, PAYOUT_THRESHOLD_CAP, PLAN_RISK } from '../../src/ui/whatif/presets';
import {
  histogram, MonteCarloCollector, mulberry32, percentileSorted, sample, splitRanges, steps, summarize, trialRandom,
} from '../../src/model/whatif';
import type { CellValue } from '../../src/model/cell';
import type { MonteCarloSpec } from '../../src/model/whatif';
import { applyEdit } from '../../src/model/edit';
import type { Notebook } from '../../src/model/notebook';

let nb: Notebook;
let book: EngineNotebook;
const value = (ref: string): CellValue => {
  const [s, a] = ref.split('!');
  return book.value(s, a);
};
/** Every value of the copy, to show a run left nothing behind. */
const snapshot = () => JSON.stringify(book.allValues());

beforeAll(() => {
  nb = templateById('annual-plan')!.create();
  book = new EngineNotebook({ sheets: nb.sheets, names: nb.names });
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const close = (got: number | null, want: number, rel = 1e-9) => {
  expect(got).not.toBeNull();
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));
};

describe('sensitivity (tornado)', () => {
  it('the built-in D_Expense tornado equals the spec’s sensitivity table, row by row', async () => {
    const before = snapshot();
    const r = unwrap(await tornado(book, EXPENSE_SENSITIVITY.spec(value)));
    expect(snapshot()).toBe(before);
    const spec = expectedValues('D_Expense') as Record<string, CellValue>;
    close(r.base, spec.C26 as number);
    // rows 29–34 of the spec: price, volume, unit cost, variable-expense rate, fixed expense, HV mix
    const byRow = [29, 30, 31, 32, 33, 34];
    for (const [i, row] of byRow.entries()) {
      const bar = r.bars.find((b) => b.index === i)!;
      // the spec's expected values (rounded to 11 significant digits there) and the sheet's live cells
      close(bar.low, spec[`C${row}`] as number, 1e-9);
      close(bar.high, spec[`D${row}`] as number, 1e-9);
      close(bar.swing, spec[`E${row}`] as number, 1e-9);
      close(bar.low, value(`D_Expense!C${row}`) as number, 1e-10);
      close(bar.high, value(`D_Expense!D${row}`) as number, 1e-10);
      expect(bar.rank).toBe(spec[`G${row}`]);
      if (row < 34) close(bar.coefficient, spec[`F${row}`] as number, 1e-9);
      else expect(bar.coefficient).toBeNull(); // HV mix moves points, not a percentage: no coefficient (the spec shows —)
    }
    // sorted by swing: price, volume, unit cost, variable rate, fixed, HV mix
    expect(r.bars.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5]);
    // "sensitive" as in the spec's column H: |coefficient| > 1 for price and volume only
    expect(r.bars.filter((b) => Math.abs(b.coefficient ?? 0) > 1).map((b) => b.index)).toEqual([0, 1]);
  });

  it('follows the Δ typed into the sheet’s own table (B29:B34)', async () => {
    const spec = EXPENSE_SENSITIVITY.spec((ref) => (ref === 'D_Expense!B29' ? 0.2 : value(ref)));
    const r = unwrap(await tornado(book, spec));
    const price = r.bars.find((b) => b.index === 0)!;
    expect(price.delta).toBe(0.2);
    const [c22, c23, c24, c25] = ['C22', 'C23', 'C24', 'C25'].map((a) => value(`D_Expense!${a}`) as number);
    // (the sheet exports values rounded to 11 digits, hence 1e-10)
    close(price.low, c22 * 0.8 - c23 - c24 * c22 * 0.8 - c25, 1e-10);
  });

  it('runs the annual plan’s 20 drivers, every one moving contribution profit, and restores the copy', async () => {
    const before = snapshot();
    const r = unwrap(await tornado(book, ANNUAL_PLAN_TORNADO.spec(value)));
    expect(r.bars).toHaveLength(20);
    expect(r.bars.every((b) => (b.swing ?? 0) > 0)).toBe(true);
    for (let i = 1; i < r.bars.length; i++) expect(r.bars[i - 1].swing!).toBeGreaterThanOrEqual(r.bars[i].swing!);
    expect(r.bars[0].refs).toEqual(['D_Expense!C40']); // the sales expense ratio
    // π = T − COGS − T × ratio: the ratio's bar is T × 10 % each way
    close(r.bars[0].swing, 2 * 0.1 * 0.2 * (value('B_Target!G45') as number) * 1, 1e-9);
    expect(snapshot()).toBe(before);
  });

  it('explicit low/high values, absolute moves, names as references', async () => {
    const r = unwrap(await tornado(book, { output: 'BONUS_BUDGET', inputs: [{ ref: 'E_Bonus!C4', low: 0.01, high: 0.02 }, { ref: 'TARGET_TOTAL', mode: 'absolute', delta: 100 }] }));
    const t = value('B_Target!G45') as number;
    const funding = r.bars.find((b) => b.index === 0)!;
    close(funding.low, t * 0.01, 1e-10);
    close(funding.high, t * 0.02, 1e-10);
    expect(funding.mode).toBe('values');
    const target = r.bars.find((b) => b.index === 1)!;
    expect(target.refs).toEqual(['B_Target!G45']);
    close(target.swing, 200 * 0.015, 1e-9);
  });

  it('names the bad reference, and marks an input that holds text instead of failing the run', async () => {
    const bad = await tornado(book, { output: 'Nowhere!A1', inputs: [{ ref: 'E_Bonus!C4' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'badRef', message: expect.stringContaining('Nowhere') });
    const noName = await tornado(book, { output: 'NOT_A_NAME', inputs: [] });
    expect(!noName.ok && noName.error.message).toMatch(/NOT_A_NAME/);
    const r = unwrap(await tornado(book, { output: 'E_Bonus!C5', inputs: [{ ref: 'E_Bonus!B4' }, { ref: 'E_Bonus!C4' }] }));
    const text = r.bars.find((b) => b.index === 0)!;
    expect(text.problem).toMatch(/E_Bonus!B4 holds .*not a number/);
    expect(text.swing).toBeNull();
    expect(r.bars[0].index).toBe(1);
  });
});

describe('goal seek', () => {
  it('finds the funding rate that makes the budget equal the projected payout', async () => {
    const payout = value('E_Bonus!C48') as number;
    const before = snapshot();
    const r = unwrap(await goalSeek(book, { input: 'E_Bonus!C4', output: 'E_Bonus!C5', target: payout, lo: 0, hi: 0.05 }));
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    close(r.x, payout / (value('B_Target!G45') as number), 1e-9);
    close(r.value, payout, 1e-9);
    expect(r.start).toBe(0.015);
    expect(snapshot()).toBe(before);
    // and the projected payout (E_Bonus!C48) indeed equals the budget there
    const check = new EngineNotebook({ sheets: nb.sheets, names: nb.names });
    check.apply([{ type: 'setCells', sheet: 'E_Bonus', writes: [{ addr: 'C4', raw: r.x }] }]);
    close(check.value('E_Bonus', 'C5') as number, check.value('E_Bonus', 'C48') as number, 1e-9);
    check.destroy();
  });

  it('finds the judgement growth that makes TARGET_TOTAL hit 21,500 (with and without a range)', async () => {
    for (const range of [{ lo: -0.5, hi: 1 }, {}]) {
      const r = unwrap(await goalSeek(book, { input: 'B_Target!C43', output: 'TARGET_TOTAL', target: 21500, ...range }));
      expect(r.status).toBe('solved');
      if (r.status !== 'solved') return;
      // T moves by (1 − W_QUANT) × R0_P1 × Δg = 0.3 × 10,000 × Δg
      close(r.x, 0.12 + (21500 - 21211.407978) / 3000, 1e-8);
      close(r.value, 21500, 1e-9);
      expect(r.evaluations).toBeLessThanOrEqual(6);
    }
  });

  it('reports no solution when the target is out of reach in the range', async () => {
    const r = unwrap(await goalSeek(book, { input: 'B_Target!C43', output: 'TARGET_TOTAL', target: 50000, lo: -1, hi: 2 }));
    expect(r.status).toBe('noSolution');
    if (r.status !== 'noSolution') return;
    expect(r.reason).toBe('noSignChange');
    expect(r.lo).toBe(-1);
    expect(r.hi).toBe(2);
    // the best the range can do: growth at 200 %
    expect(r.closest!.x).toBe(2);
    close(r.reached!.max, 21211.407978 + 3000 * (2 - 0.12), 1e-9);
  });

  it('reports a jump: payout cannot land between the threshold’s two sides', async () => {
    // A point of the payout curve: below 80 % attainment the payout is 0, at 80 % it is 50 %; 30 % is never paid.
    const r = unwrap(await goalSeek(book, { input: 'E_Bonus!A67', output: 'E_Bonus!B67', target: 0.3, lo: 0.7, hi: 0.9 }));
    expect(r.status).toBe('noSolution');
    if (r.status !== 'noSolution') return;
    expect(r.reason).toBe('jump');
    close(r.closest!.x, 0.8, 1e-9);
  });

  it('finds a crossing inside a range whose ends do not straddle the target', async () => {
    // payout at threshold moves the projected payout up; cap at 1.0 flattens it: search a hump-free but offset range
    const r = unwrap(await goalSeek(book, { input: 'E_Bonus!A70', output: 'E_Bonus!B70', target: 0.95, lo: 0.5, hi: 1.7 }));
    expect(r.status).toBe('solved');
    if (r.status === 'solved') close(r.value, 0.95, 1e-9);
  });

  it('refuses a bad range and a target that is not a number', async () => {
    const r = await goalSeek(book, { input: 'E_Bonus!C4', output: 'E_Bonus!C5', target: 1, lo: 1, hi: 0 });
    expect(!r.ok && r.error.code).toBe('badSpec');
    const t = await goalSeek(book, { input: 'E_Bonus!C4', output: 'E_Bonus!C5', target: Number.NaN });
    expect(!t.ok && t.error.message).toMatch(/target/);
  });
});

describe('Monte Carlo', () => {
  const spec = (): MonteCarloSpec => ({ ...PLAN_RISK.spec(value), trials: 120, seed: 42 });

  it('gives the same percentiles for the same seed, different ones for another seed', async () => {
    const before = snapshot();
    const a = unwrap(await monteCarlo(book, spec()));
    const b = unwrap(await monteCarlo(book, spec()));
    expect(snapshot()).toBe(before);
    expect(b).toEqual(a);
    const c = unwrap(await monteCarlo(book, { ...spec(), seed: 43 }));
    expect(c.outputs[0].p50).not.toBe(a.outputs[0].p50);
    const target = a.outputs[0];
    expect(target.ref).toBe('B_Target!G45');
    expect(target.count).toBe(120);
    expect(target.p10!).toBeLessThan(target.p50!);
    expect(target.p50!).toBeLessThan(target.p90!);
    expect(target.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(120);
    // pinned figures: a change to the sampler or the PRNG shows up here
    expect(target.p50!.toFixed(6)).toMatchInlineSnapshot(`"21254.278551"`);
    expect(a.outputs[1].p90!.toFixed(6)).toMatchInlineSnapshot(`"256.539658"`);
  });

  it('gives the same figures however the trials are split (as the pool splits them)', async () => {
    const whole = unwrap(await monteCarlo(book, spec()));
    const c = new MonteCarloCollector(spec());
    for (const r of [{ from: 70, to: 120 }, { from: 0, to: 33 }, { from: 33, to: 70 }]) c.add(unwrap(await monteCarloPart(book, spec(), {}, r.from, r.to)));
    expect(c.result()).toEqual(whole);
  });

  it('a degenerate distribution (low = likely = high) gives the base value exactly', async () => {
    const g = value('B_Target!C43') as number;
    const r = unwrap(await monteCarlo(book, {
      inputs: [
        { ref: 'B_Target!C43', dist: { kind: 'triangular', low: g, likely: g, high: g } },
        { ref: 'PO_THRESHOLD', dist: { kind: 'uniform', low: 0.8, high: 0.8 } },
        { ref: 'A_Market!C15', dist: { kind: 'normal', mean: 0.2525, sd: 0 } },
      ],
      outputs: ['TARGET_TOTAL', 'E_Bonus!C48'],
      trials: 25,
      seed: 7,
    }));
    for (const o of r.outputs) {
      expect(o.count).toBe(25);
      expect(o.p10).toBe(o.base);
      expect(o.p50).toBe(o.base);
      expect(o.p90).toBe(o.base);
      expect(o.sd).toBe(0);
      expect(o.histogram).toEqual([{ x0: o.base, x1: o.base, count: 25 }]);
    }
  });

  it('refuses distributions that make no sense, naming the input', async () => {
    const r = await monteCarlo(book, { inputs: [{ ref: 'B_Target!C43', label: 'P1 growth', dist: { kind: 'triangular', low: 0.2, likely: 0.1, high: 0.3 } }], outputs: ['TARGET_TOTAL'], trials: 10, seed: 1 });
    expect(!r.ok && r.error.message).toMatch(/P1 growth: triangular: needs low ≤ likely ≤ high/);
  });

  it('stops when cancelled and leaves the copy as it was', async () => {
    const before = snapshot();
    let pauses = 0;
    const r = await monteCarlo(book, { ...spec(), trials: 100_000 }, { sliceMs: 0, pause: async () => void pauses++, isCancelled: () => pauses >= 3 });
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect(snapshot()).toBe(before);
  });
});

describe('data tables', () => {
  it('one-way: each row equals the model recomputed at that input', async () => {
    const r = unwrap(await dataTable1(book, { input: 'E_Bonus!C4', values: [0.01, 0.015, 0.02], outputs: ['E_Bonus!C5', 'E_Bonus!C51'] }));
    const t = value('B_Target!G45') as number;
    expect(r.rows.map((row) => row.x)).toEqual([0.01, 0.015, 0.02]);
    r.rows.forEach((row) => close(row.values[0], t * row.x, 1e-10));
    close(r.rows[1].values[1], value('E_Bonus!C51') as number, 1e-12);
    expect(r.base.x).toBe(0.015);
  });

  it('two-way: projected payout vs threshold × cap', async () => {
    const before = snapshot();
    const r = unwrap(await dataTable2(book, PAYOUT_THRESHOLD_CAP.spec(value)));
    expect(snapshot()).toBe(before);
    expect(r.grid).toHaveLength(5);
    expect(r.grid.every((line) => line.length === 5)).toBe(true);
    // the base point (threshold 0.8, cap 2) is the sheet's own projected payout
    close(r.grid[2][2], value('E_Bonus!C48') as number, 1e-12);
    // a higher cap never pays less; a higher threshold never pays more
    for (let i = 0; i < 5; i++) for (let j = 1; j < 5; j++) expect(r.grid[i][j]!).toBeGreaterThanOrEqual(r.grid[i][j - 1]! - 1e-9);
    for (let j = 0; j < 5; j++) for (let i = 1; i < 5; i++) expect(r.grid[i][j]!).toBeLessThanOrEqual(r.grid[i - 1][j]! + 1e-9);
  });

  it('refuses the same cell as row and column input', async () => {
    const r = await dataTable2(book, { rowInput: 'PO_CAP', rowValues: [1], colInput: 'E_Bonus!C10', colValues: [2], output: 'E_Bonus!C48' });
    expect(!r.ok && r.error.message).toMatch(/same cell E_Bonus!C10/);
  });
});

describe('scenario bridge', () => {
  it('walks from one scenario to another; the steps add up to the whole change', async () => {
    const before = snapshot();
    const from = { 'B_Target!C43': 0.12, 'B_Target!D43': 0.22 };
    const to = { 'B_Target!C43': 0.17, 'B_Target!D43': 0.27, 'D_Expense!C40': 0.18 };
    const r = unwrap(await scenarioBridge(book, { output: 'D_Expense!C26', from, to }));
    expect(snapshot()).toBe(before);
    expect(r.steps.map((s) => s.ref)).toEqual(['B_Target!C43', 'B_Target!D43', 'D_Expense!C40']);
    close(r.start, value('D_Expense!C26') as number, 1e-12);
    const sum = r.steps.reduce((n, s) => n + (s.delta ?? 0), 0);
    close(r.start! + sum, r.end!, 1e-12);
    // the last step alone: the expense ratio from 20 % to 18 % of the new target
    const check = new EngineNotebook({ sheets: nb.sheets, names: nb.names });
    check.apply([
      { type: 'setCells', sheet: 'B_Target', writes: [{ addr: 'C43', raw: 0.17 }, { addr: 'D43', raw: 0.27 }] },
      { type: 'setCells', sheet: 'D_Expense', writes: [{ addr: 'C40', raw: 0.18 }] },
    ]);
    close(r.end, check.value('D_Expense', 'C26') as number, 1e-12);
    close(r.steps[2].delta, 0.02 * (check.value('B_Target', 'G45') as number), 1e-9);
    check.destroy();
  });

  it('skips inputs both sides agree on, and treats null as an empty cell', async () => {
    const r = unwrap(await scenarioBridge(book, { output: 'E_Bonus!C5', from: { 'E_Bonus!C4': 0.015 }, to: { 'E_Bonus!C4': null, 'B_Target!C43': 0.12 } }));
    expect(r.steps.map((s) => [s.ref, s.fromRaw, s.toRaw])).toEqual([['E_Bonus!C4', 0.015, null]]);
    expect(r.end).toBe(0);
  });
});

describe('statistics and splitting', () => {
  it('mulberry32 and per-trial streams are reproducible and uniform enough', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((n, x) => n + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(trialRandom(5, 10)()).toBe(trialRandom(5, 10)());
    expect(trialRandom(5, 10)()).not.toBe(trialRandom(5, 11)());
  });

  it('samples stay in their support and centre where they should', () => {
    const rand = mulberry32(9);
    const tri = Array.from({ length: 20_000 }, () => sample({ kind: 'triangular', low: 1, likely: 2, high: 6 }, rand));
    expect(Math.min(...tri)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...tri)).toBeLessThanOrEqual(6);
    expect(Math.abs(tri.reduce((n, x) => n + x, 0) / tri.length - 3)).toBeLessThan(0.05);
    const nor = Array.from({ length: 20_000 }, () => sample({ kind: 'normal', mean: 10, sd: 2 }, rand));
    const m = nor.reduce((n, x) => n + x, 0) / nor.length;
    const sd = Math.sqrt(nor.reduce((n, x) => n + (x - m) ** 2, 0) / nor.length);
    expect(Math.abs(m - 10)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  it('percentiles interpolate like PERCENTILE.INC; histograms count every value once', () => {
    const s = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentileSorted(s, 0.1)).toBeCloseTo(1.9, 12);
    expect(percentileSorted(s, 0.5)).toBe(5.5);
    expect(percentileSorted(s, 0.9)).toBeCloseTo(9.1, 12);
    expect(percentileSorted([], 0.5)).toBeNull();
    const h = histogram(s, 3);
    expect(h.map((b) => b.count)).toEqual([3, 3, 4]); // [1, 4), [4, 7), [7, 10]
    expect(h[2].x1).toBe(10);
    const sum = summarize('X', 1, [1, Number.NaN, 3]);
    expect(sum).toMatchObject({ count: 2, errors: 1, mean: 2, min: 1, max: 3 });
  });

  it('previews of a streaming run come from a bounded sample; the final figures from every trial', () => {
    const spec: MonteCarloSpec = { inputs: [], outputs: ['X'], trials: 1000, seed: 1 };
    const c = new MonteCarloCollector(spec);
    c.add({ from: 0, to: 1000, inputs: [], outputs: ['X'], base: [0], values: [Float64Array.from({ length: 1000 }, (_, i) => i)] });
    expect(c.result(100).outputs[0].count).toBe(100);
    expect(c.result(100).done).toBe(1000);
    expect(c.result().outputs[0]).toMatchObject({ count: 1000, min: 0, max: 999, p50: 499.5 });
  });

  it('reports the probability of reaching a threshold: the spec\'s, else the base; trials without a number do not reach', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i); // 0 … 99
    const spec: MonteCarloSpec = { inputs: [], outputs: ['TARGET_TOTAL', 'E_Bonus!C48'], trials: 100, seed: 1, thresholds: [{ output: 'E_Bonus!C48', value: 90 }] };
    const c = new MonteCarloCollector(spec);
    c.add({ from: 0, to: 100, inputs: [], outputs: ['B_Target!G45', 'E_Bonus!C48'], base: [75, 10], values: [values, values] });
    const [target, payout] = c.result().outputs;
    expect(target).toMatchObject({ threshold: 75, pReach: 0.25 }); // 75 … 99 of 100
    expect(payout).toMatchObject({ threshold: 90, pReach: 0.1 });
    expect(summarize('X', 2, [1, Number.NaN, 3, 2])).toMatchObject({ threshold: 2, pReach: 0.5 });
    expect(summarize('X', null, [1, 3])).toMatchObject({ threshold: null, pReach: null });
  });

  it('splits work into near-equal contiguous ranges; steps have no binary noise', () => {
    expect(splitRanges(20, 3)).toEqual([{ from: 0, to: 6 }, { from: 6, to: 13 }, { from: 13, to: 20 }]);
    expect(splitRanges(2, 4)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }]);
    expect(splitRanges(0, 2)).toEqual([]);
    expect(steps(0.7, 0.9, 5)).toEqual([0.7, 0.75, 0.8, 0.85, 0.9]);
  });
});

describe('saved analyses', () => {
  it('setLayoutKey stores an analysis in layout.whatif and undoes to what was there', () => {
    const doc = templateById('expense-structure')!.create();
    // A saved analysis as the panel writes it (the value must match layout.whatif's schema).
    const saved = { tornado: { config: {}, result: { bars: [] }, at: 1, ms: 2 } };
    const inverse = applyEdit(doc, { type: 'setLayoutKey', key: 'whatif', value: saved });
    expect(doc.layout.whatif).toEqual(saved);
    expect(doc.layout.items).toBeDefined();
    applyEdit(doc, inverse);
    expect('whatif' in doc.layout).toBe(false);
    expect(() => applyEdit(doc, { type: 'setLayoutKey', key: 'items', value: [] })).toThrow(/setLayout/);
  });
});
