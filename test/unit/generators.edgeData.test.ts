/**
 * A client's numbers are not the sample's: a line launched last year (nothing two years before),
 * a line or a region with no sales at all, a line with no potential, no level with variable pay.
 * The full plan chain, built on the real engine, opens with no error value and no ERR check on
 * each, and a young line's historical growth is last year's growth.
 */
import { describe, expect, it } from 'vitest';
import { isCellError } from '../../src/model/cell';
import { applyEdits } from '../../src/model/edit';
import type { Notebook } from '../../src/model/notebook';
import { generatePlan } from '../../templates/generators/plan';
import { regrowCommands } from '../../templates/generators/regrow';
import { targetInputKey } from '../../templates/generators/target';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { EngineNotebook } from '../../workers/engineCore';

const s = SAMPLE_SHAPE;
const onLine = (k: number, v: (x: number) => number) => (row: number[]) => row.map((x, j) => (j === k ? v(x) : x));

const CASES: [string, ClientShape][] = [
  ['a line launched two years ago (nothing sold three years before)', { ...s, historyPrior: s.historyPrior!.map((h, i) => (i === 0 ? { ...h, values: onLine(0, () => 0)(h.values) } : h)) }],
  ['a line launched last year (no earlier sales)', { ...s, historyPrior: s.historyPrior!.map((h) => ({ ...h, values: onLine(0, () => 0)(h.values) })) }],
  ['a line with nothing sold in any year', { ...s, history: s.history!.map(onLine(0, () => 0)), historyPrior: s.historyPrior!.map((h) => ({ ...h, values: onLine(0, () => 0)(h.values) })) }],
  ['no sales at all last year', { ...s, history: s.history!.map((r) => r.map(() => 0)) }],
  ['a region with neither sales nor potential', { ...s, history: s.history!.map((r, i) => (i === 1 ? r.map(() => 0) : r)), potential: s.potential!.map((r, i) => (i === 1 ? r.map(() => 0) : r)) }],
  ['a line with no potential anywhere', { ...s, potential: s.potential!.map(onLine(1, () => 0)) }],
  ['a key account with no revenue last year', { ...s, accounts: s.accounts?.map((a, i) => (i === 0 ? { ...a, revenue: 0 } : a)) }],
  ['no level with variable pay', { ...s, levels: s.levels.map((l) => ({ ...l, base: l.ote })) }],
];

function problems(shape: ClientShape): string[] {
  return problemsOf(generatePlan(shape, {}));
}

function problemsOf(nb: Notebook): string[] {
  const engine = new EngineNotebook(nb);
  const out: string[] = [];
  for (const [sheet, values] of Object.entries(engine.allValues())) {
    for (const [addr, v] of Object.entries(values)) {
      if (isCellError(v)) out.push(`${sheet}!${addr} ${v.error}`);
      else if (typeof v === 'string' && /^ERR/.test(v)) out.push(`${sheet}!${addr} ${v}`);
    }
  }
  engine.destroy();
  return out;
}

describe('the plan on a client’s awkward numbers', () => {
  for (const [title, shape] of CASES) {
    it(`${title}: no error value, no ERR check`, () => {
      expect(problems(shape)).toEqual([]);
    });
  }

  it('a young line’s historical growth is last year’s growth; the others keep the two-year CAGR', () => {
    const shape = CASES[0][1];
    const nb = generatePlan(shape, {});
    const engine = new EngineNotebook(nb);
    const v = engine.allValues().B_Target;
    const prior1 = shape.historyPrior![1].values;
    const base = (k: number) => shape.history!.reduce((sum, row) => sum + row[k], 0);
    expect(v.C37).toBeCloseTo(base(0) / prior1[0] - 1, 9);
    // launched last year: no growth to go by
    const launched = new EngineNotebook(generatePlan(CASES[1][1], {}));
    expect(launched.allValues().B_Target.C37).toBe(0);
    launched.destroy();
    expect(v.D37).toBeCloseTo(Math.sqrt(base(1) / shape.historyPrior![0].values[1]) - 1, 9);
    engine.destroy();
  });

  it('removing the region a new line launches in: the launch moves to a region of the plan, nothing goes ERR', () => {
    const nb = generatePlan(s, {});
    const launchMarkets = () => Object.entries(nb.sheets.find((x) => x.name === 'C_Ansoff')!.cells).filter(([addr, v]) => /^D\d+$/.test(addr) && typeof v === 'string' && s.regions.includes(v)).map(([, v]) => v);
    const gone = s.regions[1];
    expect(launchMarkets()).toContain(gone);
    const next: ClientShape = { ...s, regions: s.regions.filter((r) => r !== gone), reps: s.reps.filter((r) => r.region !== gone), history: s.history!.filter((_, i) => i !== 1), potential: s.potential!.filter((_, i) => i !== 1), accounts: s.accounts?.filter((a) => s.reps.find((r) => r.name === a.rep)?.region !== gone) };
    const r = regrowCommands(nb, next);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    applyEdits(nb, r.value.commands);
    expect(launchMarkets()).not.toContain(gone);
    expect(problemsOf(nb)).toEqual([]);
  });

  it('a region whose reps all sold nothing (typed zeros, their accounts too): its reps share equally on history, the checks hold', () => {
    const region = s.regions[0];
    const reps = s.reps.filter((r) => r.region === region);
    const inputs: Record<string, number> = Object.fromEntries(reps.map((r) => [targetInputKey(`rep|${r.name}`, 'actual'), 0]));
    for (const a of s.accounts ?? []) if (reps.some((r) => r.name === a.rep)) inputs[targetInputKey(`account|${a.rep}|${a.account}`, 'revenue')] = 0;
    const nb = generatePlan(s, inputs);
    expect(problemsOf(nb)).toEqual([]);
    const engine = new EngineNotebook(nb);
    const cells = nb.sheets.find((x) => x.name === 'B_Target')!.cells;
    const v = engine.allValues().B_Target;
    const rows = Object.entries(cells).filter(([addr, x]) => /^A\d+$/.test(addr) && reps.some((r) => r.name === x)).map(([addr]) => addr.slice(1));
    expect(rows).toHaveLength(reps.length);
    // the history share column holds 1/n for each of the region's reps
    const shares = rows.map((row) => Object.entries(v).find(([addr, x]) => new RegExp(`^[A-Z]+${row}$`).test(addr) && typeof x === 'number' && Math.abs(x - 1 / reps.length) < 1e-9));
    expect(shares.every(Boolean)).toBe(true);
    engine.destroy();
  });

  it('a region whose pasted key accounts all had no revenue: no error, no ERR', () => {
    const region = s.regions[2];
    const inRegion = (rep: string) => s.reps.find((r) => r.name === rep)?.region === region;
    const shape: ClientShape = { ...s, accounts: [...(s.accounts ?? []).filter((a) => !inRegion(a.rep)), ...s.reps.filter((r) => r.region === region).map((r) => ({ rep: r.name, account: `${r.name} A`, revenue: 0 }))] };
    expect(problems(shape)).toEqual([]);
  });
});
