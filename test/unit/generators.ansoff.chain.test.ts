/**
 * C_Ansoff, D_Expense and E_Bonus on the real A_Market and B_Target generators, the whole chain
 * A → E on random shapes with the neutral inputs a new plan opens with: no error value and no ERR
 * check anywhere, and C/D/E's invariants (Σ quadrants = growth gap; Σ expense by region = Σ by
 * line = EXPENSE_TOTAL; the key sums to 1; salaries and bonus by region = their totals; manager
 * quotas = the final targets).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNotebook, type NamedExpression, type Notebook } from '../../src/model/notebook';
import { ansoffLayout } from '../../templates/generators/ansoff';
import { a1 } from '../../templates/generators/ansoffLinks';
import { bonusLayout } from '../../templates/generators/bonus';
import { expenseLayout } from '../../templates/generators/expense';
import { marketGenerator } from '../../templates/generators/market';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { targetGenerator } from '../../templates/generators/target';
import type { SheetGenerator } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';
import { CDE, problems, shapeArb } from './generators.ansoff.stubs';

const CHAIN: readonly SheetGenerator[] = [marketGenerator, targetGenerator, ...CDE];
const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function build(shape: ClientShape) {
  const names = new Map<string, NamedExpression>();
  const parts = CHAIN.map((g) => {
    const part = g.generate({ shape, inputs: {}, names });
    for (const n of part.names) if (!names.has(n.name.toUpperCase())) names.set(n.name.toUpperCase(), n);
    return part;
  });
  const nb: Notebook = { ...emptyNotebook('plan'), sheets: parts.flatMap((p) => p.sheets), names: [...names.values()] };
  const engine = new EngineNotebook(nb);
  return { nb, engine, calc: (f: string) => engine.hf.calculateFormula(f, 0) as number, value: (s: string, c: number, r: number) => engine.value(s, a1(c, r)) };
}

function check(shape: ClientShape) {
  const { nb, engine, calc, value } = build(shape);
  try {
    expect(problems(engine, nb.sheets)).toEqual([]);
    const A = ansoffLayout(shape);
    const D = expenseLayout(shape);
    const E = bonusLayout(shape);
    const gap = calc('=GROWTH_GAP');
    expect(close(gap, calc('=TARGET_TOTAL-BASE_TOTAL'))).toBe(true);
    expect(close(value('C_Ansoff', 1, A.quadTotalRow), gap)).toBe(true);
    const envelope = calc('=EXPENSE_TOTAL');
    expect(close(value('D_Expense', D.allocTotalCol, D.keyTotalRow), 1)).toBe(true);
    expect(close(value('D_Expense', 6, D.regionTotalRow), envelope)).toBe(true);
    expect(close(value('D_Expense', 4, D.productTotalRow), envelope)).toBe(true);
    expect(close(value('D_Expense', 4, D.regionTotalRow), calc('=BASE_SALARY_TOTAL'))).toBe(true);
    expect(close(value('D_Expense', 5, D.regionTotalRow), calc('=BONUS_BUDGET'))).toBe(true);
    expect(close(value('E_Bonus', 2, E.managerTotalRow), calc('=SUM(REGION_FINAL)'))).toBe(true);
  } finally {
    engine.destroy();
  }
}

describe('C/D/E on the real A_Market and B_Target', () => {
  it('the sample shape: no error value, no ERR, the invariants hold', () => check(SAMPLE_SHAPE));

  it('a one-line, one-region client whose final target is below last year (no region grows)', () => {
    const region = '区域1 Region 1';
    const level = { name: '职级1 Level 1', ote: 30, base: 18 };
    check({ ...SAMPLE_SHAPE, products: [{ name: '线1 L1', isNew: false }], regions: [region], levels: [level], reps: [{ name: '代表1', region, level: level.name }] });
  });

  it('random shapes: no error value, no ERR, the invariants hold', () => {
    fc.assert(fc.property(shapeArb, check), { numRuns: 30, seed: 1414 });
  }, 300_000);
});
