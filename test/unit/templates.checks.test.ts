/**
 * Check cells (`OK` / `ERR` / `⚠ …`): found from formulas alone, labelled from the row, and
 * summarised with the engine's values — on the annual plan and when an input breaks a check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCheckFormula, moveCheckCells } from '../../src/model/checks';
import type { EditCommand } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import type { StructureCommand } from '../../src/model/structure';
import type { CellValue } from '../../src/model/cell';
import { checkCells, checkState, summarizeChecks, templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';
import { monthlyLayout } from '../../templates/generators/monthly';

type SpecCell = { value: string | number } | { formula: string; expected: string | number };
const spec: { sheets: Record<string, Record<string, SpecCell>> } = JSON.parse(
  readFileSync(new URL('../../../shared/spec/workbook.json', import.meta.url), 'utf8'),
);

/** The spec's check cells: formulas whose expected value is a check answer. */
const specChecks = Object.entries(spec.sheets).flatMap(([sheet, cells]) =>
  Object.entries(cells).flatMap(([addr, cell]) =>
    'formula' in cell && typeof cell.expected === 'string' && /^(OK|ERR|⚠)/.test(cell.expected) ? [{ sheet, addr, expected: cell.expected }] : [],
  ),
);

function annualPlan() {
  const nb = templateById('annual-plan')!.create();
  const engine = new EngineNotebook(nb);
  return { nb, engine, valueOf: (sheet: string, addr: string) => engine.value(sheet, addr) };
}

describe('checkState', () => {
  it('reads OK, ERR and ⚠ answers, with or without a note after them', () => {
    expect(checkState('OK')).toBe('ok');
    expect(checkState('OK 来源覆盖目标')).toBe('ok');
    expect(checkState('ERR')).toBe('err');
    expect(checkState('⚠ 偏差过大 deviation')).toBe('warn');
    expect(checkState('⚠')).toBe('warn');
  });

  it('is null for anything else', () => {
    for (const v of ['OKAY', 'ERROR', '', '敏感 Sensitive', 1, true, null, { error: '#REF!' }] as CellValue[]) expect(checkState(v)).toBeNull();
  });
});

describe('isCheckFormula', () => {
  it('is true for formulas that can answer OK/ERR/⚠, whatever the spec’s expected value', () => {
    expect(isCheckFormula('=IF(ABS(J109-G92)<0.01,"OK","ERR")')).toBe(true);
    expect(isCheckFormula('=IF(ABS(G76)>ALERT_DEV,"⚠ 偏差过大 deviation","OK")')).toBe(true);
  });

  it('is false for other text formulas, plain formulas and literal text', () => {
    expect(isCheckFormula('=IF(ABS(F29)>1,"敏感 Sensitive","")')).toBe(false);
    expect(isCheckFormula('=C11&"|"&B11')).toBe(false);
    expect(isCheckFormula('=SUM(A1:A3)')).toBe(false);
    expect(isCheckFormula('OK')).toBe(false);
  });
});

describe('checks of the annual plan', () => {
  it('lists exactly the spec’s check cells, sheet by sheet', () => {
    const { nb } = annualPlan();
    const all = checkCells(nb).map((c) => `${c.sheet}!${c.addr}`);
    const found = all.filter((f) => !/^[FG]_/.test(f)); // the staffing plan's and the months' own checks: below
    expect(found.length).toBeGreaterThan(0);
    expect([...found].sort()).toEqual(specChecks.map((c) => `${c.sheet}!${c.addr}`).sort());
    expect([...new Set(all.map((f) => f.split('!')[0]))]).toEqual(['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']);
    // G_Monthly: each line's seasonality sums to 100 %, one check per product line; the payout forecast within the bonus budget.
    const payoutCheck = `G_Monthly!C${monthlyLayout(4, 4).payoutRow(12) + 3}`;
    expect(all.filter((f) => f.startsWith('G_Monthly!'))).toEqual(['G_Monthly!P8', 'G_Monthly!P9', 'G_Monthly!P10', 'G_Monthly!P11', payoutCheck]);
    expect(found.filter((f) => f.startsWith('B_Target!')).slice(0, 3)).toEqual(['B_Target!H47', 'B_Target!H76', 'B_Target!H77']); // row order
  });

  it('labels each check from its row (A = 中文, B = English) and its section heading', () => {
    const byAddr = new Map(checkCells(annualPlan().nb).map((c) => [`${c.sheet}!${c.addr}`, c]));
    expect(byAddr.get('E_Bonus!D50')?.label).toEqual({ zh: '目标奖金/预算', en: 'TI ÷ budget' });
    expect(byAddr.get('B_Target!J110')?.label).toEqual({ zh: '检查：Σ代表指标=目标×(1+超额)', en: 'Check' });
    expect(byAddr.get('B_Target!H114')).toMatchObject({ label: { zh: '华东 East', en: '华东 East' }, section: { zh: '层级汇总', en: 'Level roll-up' } });
  });

  it('are all OK or ⚠ as the spec expects', () => {
    const { nb, valueOf } = annualPlan();
    const summary = summarizeChecks(checkCells(nb), valueOf);
    const expected = new Map(specChecks.map((c) => [`${c.sheet}!${c.addr}`, checkState(c.expected)]));
    for (const r of summary.results) {
      // F_Staffing (not in the spec): capacity is OK or ⚠ per region, never ERR with the sample's inputs.
      if (r.sheet === 'F_Staffing') expect(['ok', 'warn'], `${r.addr} = ${String(r.value)}`).toContain(r.state);
      else if (r.sheet === 'G_Monthly') expect(r.state, `${r.addr} = ${String(r.value)}`).toBe('ok'); // even seasonality: 100 %
      else expect(r.state, `${r.sheet}!${r.addr} = ${String(r.value)}`).toBe(expected.get(`${r.sheet}!${r.addr}`));
    }
    expect(summary.err).toBe(0);
    expect(summary.warn).toBeGreaterThan(0); // West's bottom-up deviation is flagged (B_Target!H79)
    expect(summary.results.find((r) => r.addr === 'H79' && r.sheet === 'B_Target')?.state).toBe('warn');
    expect(summary.ok + summary.warn).toBe(checkCells(nb).length);
    expect(summary.results.filter((r) => !/^[FG]_/.test(r.sheet))).toHaveLength(specChecks.length);
  });

  it('turn ERR when an input breaks a reconciliation', () => {
    const { nb, engine, valueOf } = annualPlan();
    // E01's new-account quota no longer adds up to the market model's new hospitals for East.
    engine.apply([{ type: 'setCells', sheet: 'B_Target', writes: [{ addr: 'K97', raw: 5 }] }]);
    const summary = summarizeChecks(checkCells(nb), valueOf);
    expect(summary.err).toBeGreaterThan(0);
    expect(summary.results.find((r) => r.sheet === 'B_Target' && r.addr === 'H114')?.state).toBe('err');
  });

  it('turn ⚠ when an advisory limit is crossed', () => {
    const { nb, engine, valueOf } = annualPlan();
    // A 5% expense ratio leaves less than the committed salaries, bonus and projects.
    engine.apply([{ type: 'setCells', sheet: 'D_Expense', writes: [{ addr: 'C40', raw: 0.05 }] }]);
    const summary = summarizeChecks(checkCells(nb), valueOf);
    expect(summary.results.find((r) => r.sheet === 'D_Expense' && r.addr === 'C46')).toMatchObject({ state: 'warn', value: '⚠ 超出费用包络 over envelope' });
  });

  it('count a check that computes an error as failed', () => {
    const nb = templateById('annual-plan')!.create();
    const summary = summarizeChecks(checkCells(nb), () => ({ error: '#REF!' }));
    expect(summary.err).toBe(checkCells(nb).length);
    expect(checkCells(nb).filter((c) => !/^[FG]_/.test(c.sheet))).toHaveLength(specChecks.length);
  });
});

describe('checks of a single template', () => {
  it('come from its own sheet only (stubs hold no formulas)', () => {
    const nb = templateById('expense-structure')!.create();
    const sheets = new Set(checkCells(nb).map((c) => c.sheet));
    expect([...sheets]).toEqual(['D_Expense']);
    const engine = new EngineNotebook(nb);
    expect(summarizeChecks(checkCells(nb), (s, a) => engine.value(s, a)).err).toBe(0);
  });
});

describe('the check list when rows or columns move', () => {
  // What the list becomes at once must be where a full scan of the moved notebook finds the checks.
  const cases: [string, EditCommand][] = [
    ['a row inserted above checks of B_Target', { type: 'insertRows', sheet: 'B_Target', at: 35, count: 2 }],
    ['rows deleted that hold a check (B_Target row 110)', { type: 'deleteRows', sheet: 'b_target', at: 108, count: 3 }],
    ['a column inserted before the checks of E_Bonus', { type: 'insertColumns', sheet: 'E_Bonus', at: 2, count: 1 }],
    ['a column deleted that holds checks (B_Target H)', { type: 'deleteColumns', sheet: 'B_Target', at: 7, count: 1 }],
  ];
  for (const [what, cmd] of cases) {
    it(`moves with them: ${what}`, () => {
      const nb = templateById('annual-plan')!.create();
      const before = checkCells(nb);
      applyEdits(nb, [cmd]);
      const at = (list: { sheet: string; addr: string }[]) => list.map((c) => `${c.sheet}!${c.addr}`).sort();
      const moved = moveCheckCells(before, [cmd as StructureCommand]);
      expect(at(moved)).toEqual(at(checkCells(nb)));
      expect(moved.length === before.length).toBe(cmd.type.startsWith('insert'));
    });
  }
});
