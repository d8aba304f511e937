/** Engine messages read as plain language in the user's language, never as parser tokens. */
import { afterAll, describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { setLocale } from '../../src/i18n';
import { explainError } from '../../src/ui/cellErrors';
import type { CellError } from '../../src/model/cell';

/** What the real engine says about a formula. */
function engineError(formula: string): CellError {
  const hf = HyperFormula.buildFromArray([[1, 2, formula]], { licenseKey: 'gpl-v3' });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as { value: string; message: string };
  hf.destroy();
  return { error: v.value, message: v.message } as CellError;
}

const TOKENS = /-->|<--|Token|EOF|Expecting|offset|Parsing error/;

afterAll(() => setLocale('en'));

describe('engine messages in plain language', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['=SUM(A1，B1)', /Chinese punctuation “，”: type “,”/, /中文标点“，”/],
    ['=SUM(A1,B1', /closing bracket “\)” is missing/, /缺少右括号/],
    ['=SUM(A1:B1))', /one closing bracket “\)” too many/, /多了一个右括号/],
    ['=A1+', /ends with “\+”/, /以“\+”结尾/],
    ['="abc', /closing " is missing/, /缺少右引号/],
    ['=IF(A1>1;2;3)', /comma “,”, not “;”/, /逗号/],
    ['=A1 B1', /“B1”/, /“B1”/],
    ['=SUMM(A1)', /no function called SUMM/, /没有名为 SUMM 的函数/],
    ['=1+"x"', /text cannot be turned into a number/, /无法转换为数字/],
  ];
  for (const [formula, en, zh] of cases) {
    it(formula, () => {
      const e = engineError(formula);
      setLocale('en');
      const a = explainError(e, formula);
      expect(a.detail).toMatch(en);
      expect(`${a.summary} ${a.detail}`).not.toMatch(TOKENS);
      setLocale('zh-CN');
      const b = explainError(e, formula);
      expect(b.detail).toMatch(zh);
      // no English left but the formula's own names
      expect(`${b.summary} ${b.detail}`.replace(/SUMM|B1|Opsbook/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    });
  }

  it('in 中文 an engine message it does not know is left out, not shown in English', () => {
    setLocale('zh-CN');
    const a = explainError({ error: '#NUM!', message: 'Value in base too long.' } as CellError);
    expect(a.summary).toMatch(/数值无效/);
    expect(a.detail).toBeUndefined();
    setLocale('en');
    expect(explainError({ error: '#NUM!', message: 'Value in base too long.' } as CellError).detail).toBe('Value in base too long.');
  });
});
