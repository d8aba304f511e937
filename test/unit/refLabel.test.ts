import { describe, expect, it } from 'vitest';
import { templateById } from '../../templates';
import { refLabel } from '../../src/model/refLabel';

describe('what-if references read in the model\'s labels', () => {
  const nb = templateById('annual-plan')!.create();

  it('a name shows its row label and the name; a named cell by its name', () => {
    expect(refLabel(nb, 'TARGET_TOTAL', 'zh-CN')).toBe('年度目标 TARGET_TOTAL');
    expect(refLabel(nb, 'TARGET_TOTAL', 'en')).toBe('Annual target T_p TARGET_TOTAL');
    expect(refLabel(nb, 'B_Target!G45', 'zh-CN')).toBe('年度目标 TARGET_TOTAL');
  });

  it('a plain cell shows its row label (the UI language) and the address; a table row adds its column heading', () => {
    expect(refLabel(nb, 'E_Bonus!C48', 'zh-CN')).toBe('预测奖金支出 E_Bonus!C48');
    expect(refLabel(nb, 'E_Bonus!C48', 'en')).toBe('Projected payout E_Bonus!C48');
    expect(refLabel(nb, 'E_Bonus!C54', 'en')).toBe('Compensation cost of sales E_Bonus!C54');
    expect(refLabel(nb, 'B_Target!C43', 'zh-CN')).toBe('管理层判断增长率 P1 B_Target!C43');
  });

  it('without a label, the reference alone', () => {
    expect(refLabel(nb, 'B_Target!Z999', 'zh-CN')).toBe('B_Target!Z999');
    expect(refLabel(nb, 'NO_SUCH_NAME', 'zh-CN')).toBe('NO_SUCH_NAME');
  });
});
