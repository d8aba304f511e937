import { describe, expect, it } from 'vitest';
import { distinctTitle } from '../../src/ui/home/importFile';

describe('imported notebooks get distinct titles', () => {
  it('Plan, Plan (2), Plan (3); case and spaces do not make a title new', () => {
    expect(distinctTitle('Plan', [])).toBe('Plan');
    expect(distinctTitle('Plan', ['Plan'])).toBe('Plan (2)');
    expect(distinctTitle('Plan', ['plan ', 'Plan (2)'])).toBe('Plan (3)');
    expect(distinctTitle('Plan (2)', ['Plan', 'Plan (2)'])).toBe('Plan (3)');
    expect(distinctTitle('年度计划', ['年度计划'])).toBe('年度计划 (2)');
  });
});
