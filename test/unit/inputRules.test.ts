/** Input cells refuse what they cannot hold, as Excel's data validation does. */
import { describe, expect, it } from 'vitest';
import { checkEntry, derivedRule, explicitRule, ruleFor } from '../../src/model/inputRules';
import type { InputRule } from '../../src/model/inputRules';
import { parseInput } from '../../src/model/cell';

const entry = (rule: InputRule, text: string) => checkEntry(rule, parseInput(text).raw);

describe('input rules', () => {
  it('a numeric input refuses text and accepts numbers, clearing and formulas', () => {
    const rule = derivedRule('B_Target!C12', 1200, '#,##0')!;
    expect(rule.kind).toBe('number');
    expect(entry(rule, '一点五')).toEqual({ ok: false, why: { code: 'notNumber', kind: 'number' } });
    expect(entry(rule, '1.5').ok).toBe(true);
    expect(entry(rule, '1,500').ok).toBe(true);
    expect(entry(rule, '').ok).toBe(true);
    expect(entry(rule, '=A_Market!C5*2').ok).toBe(true);
  });

  it('a percentage under a % format, also once cleared; text and unformatted cells take anything', () => {
    expect(derivedRule('X!A1', 0.2, '0.0%')?.kind).toBe('percent');
    expect(derivedRule('X!A1', undefined, '0.0%')?.kind).toBe('percent');
    expect(derivedRule('X!A1', undefined, '#,##0.00"万元"')?.kind).toBe('number');
    expect(derivedRule('X!A1', 5, '0"%"')?.kind).toBe('number'); // a quoted % is a unit, not a percentage
    expect(derivedRule('X!A1', '华东 East', undefined)).toBeNull();
    expect(derivedRule('X!A1', undefined, undefined)).toBeNull();
    expect(derivedRule('X!A1', '=C5', '0%')).toBeNull();
  });

  it('explicit rules: type, range and list, the later rule winning over the earlier', () => {
    const rules: InputRule[] = [
      { ref: 'D_Expense!C5:C9', kind: 'percent', min: 0, max: 1 },
      { ref: 'D_Expense!C7', kind: 'integer', min: 1 },
      { ref: 'E_Bonus!D10:D20', kind: 'list', options: ['L1 Junior', 'L2 Senior'] },
    ];
    expect(explicitRule(rules, 'd_expense', { row: 5, col: 2 })?.kind).toBe('percent');
    expect(explicitRule(rules, 'D_Expense', { row: 6, col: 2 })?.kind).toBe('integer');
    expect(explicitRule(rules, 'D_Expense', { row: 9, col: 2 })).toBeNull();
    const pct = rules[0];
    expect(entry(pct, '120%')).toEqual({ ok: false, why: { code: 'aboveMax', kind: 'percent', max: 1 } });
    expect(entry(pct, '-5%')).toEqual({ ok: false, why: { code: 'belowMin', kind: 'percent', min: 0 } });
    expect(entry(pct, '35%').ok).toBe(true);
    expect(entry(rules[1], '2.5')).toEqual({ ok: false, why: { code: 'notInteger' } });
    expect(entry(rules[1], '3').ok).toBe(true);
    expect(entry(rules[2], 'l2 senior')).toEqual({ ok: true, raw: 'L2 Senior' });
    expect(entry(rules[2], 'L3')).toEqual({ ok: false, why: { code: 'notInList', options: ['L1 Junior', 'L2 Senior'] } });
    // explicit first, then derived
    expect(ruleFor(rules, 'D_Expense', { row: 6, col: 2 }, 'C7', 4, '0%')?.kind).toBe('integer');
    expect(ruleFor(rules, 'A_Market', { row: 4, col: 2 }, 'C5', 4, '0%')?.kind).toBe('percent');
  });
});

describe('where rules apply', () => {
  it('a number on a sheet that is no template\'s is just a value', () => {
    expect(ruleFor([], 'Sheet1', { row: 1, col: 2 }, 'C2', 15, undefined, false)).toBeNull();
    expect(ruleFor([{ ref: 'Sheet1!C2', kind: 'integer' }], 'Sheet1', { row: 1, col: 2 }, 'C2', 15, undefined, false)?.kind).toBe('integer');
  });
});
