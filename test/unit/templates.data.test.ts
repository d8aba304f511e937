/**
 * The shipped template data against the normative spec (`../shared/spec/workbook.json`): the
 * generator's output is committed and current, every spec cell is there in raw form, and the
 * number formats follow the documented rules.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namesInFormula } from '../../src/model/formulaNames';
import { expectedValues, TEMPLATE_NAMES, TEMPLATE_SHEET_NAMES, sampleValue } from '../../templates';
import { templateSheetData } from '../../templates/catalog';

type SpecCell = { value: string | number } | { formula: string; expected: string | number };
interface Spec {
  names: Record<string, string>;
  sheets: Record<string, Record<string, SpecCell>>;
}
const spec: Spec = JSON.parse(readFileSync(new URL('../../../shared/spec/workbook.json', import.meta.url), 'utf8'));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The product's amendments to the spec's sheets (issue 16's salary line), which the data carries instead. */
type Added = { formula?: string; value?: string; expected?: string | number; format?: string };
const amendments: { sheets: Record<string, Record<string, { formula?: string; value?: string }>>; added: Record<string, Record<string, Added>> } = JSON.parse(
  readFileSync(new URL('../../templates/amendments.json', import.meta.url), 'utf8'),
);

describe('template data', () => {
  it('is what the generator makes of the current spec (node scripts/gen-templates.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-templates.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('holds the five spec sheets, in spec order', () => {
    expect([...TEMPLATE_SHEET_NAMES]).toEqual(Object.keys(spec.sheets));
  });

  it('stores every spec cell in raw form (numbers, text, formulas starting with =) and nothing else, amendments applied', () => {
    for (const name of TEMPLATE_SHEET_NAMES) {
      const cells = templateSheetData(name).cells;
      const want: Record<string, string | number> = {};
      for (const [addr, cell] of Object.entries(spec.sheets[name])) {
        const change = amendments.sheets[name]?.[addr];
        want[addr] = change ? (change.formula ?? change.value!) : 'formula' in cell ? cell.formula : cell.value;
      }
      for (const [addr, add] of Object.entries(amendments.added[name] ?? {})) if (add.formula ?? add.value) want[addr] = add.formula ?? add.value!;
      expect(cells, name).toEqual(want);
      // Both label columns are kept: 中文 in A, English in B.
      expect(cells.A5 ?? cells.A4, name).toBeTypeOf('string');
    }
    expect(templateSheetData('A_Market').cells.A5).toBe('基期收入 FY2025');
    expect(templateSheetData('A_Market').cells.B5).toBe('Base revenue R0');
    // The salary line is the managers' base plus the staffing plan's personnel cost (issue 16).
    expect(templateSheetData('D_Expense').cells.C42).toBe('=SUM(E_Bonus!$D$39:$D$42)+PERSONNEL_COST');
    // Amendments change formulas of cells the spec has; formula stays formula. Additions sit beside
    // the spec's cells, never over one (issue 20's rep bottom-up: B_Target!M96:N109, I113:I118).
    for (const [name, changes] of Object.entries(amendments.sheets)) {
      for (const [addr, change] of Object.entries(changes)) {
        const cell = spec.sheets[name][addr];
        expect(cell, `${name}!${addr}`).toBeDefined();
        expect('formula' in cell, `${name}!${addr}`).toBe(change.formula !== undefined);
      }
    }
    for (const [name, added] of Object.entries(amendments.added)) {
      for (const addr of Object.keys(added)) expect(spec.sheets[name][addr], `${name}!${addr}`).toBeUndefined();
    }
    expect(templateSheetData('B_Target').cells.M97).toBeUndefined(); // a rep's bottom-up starts blank
    expect(templateSheetData('B_Target').formats.M97).toBe('#,##0.00');
  });

  it('records the expected value of every formula cell, and sample values for stubs', () => {
    for (const name of TEMPLATE_SHEET_NAMES) {
      const want: Record<string, string | number> = {};
      for (const [addr, cell] of Object.entries(spec.sheets[name])) if ('formula' in cell) want[addr] = cell.expected;
      for (const [addr, add] of Object.entries(amendments.added[name] ?? {})) if (add.formula) want[addr] = add.expected!;
      expect(expectedValues(name), name).toEqual(want);
    }
    expect(sampleValue('B_Target', 'G45')).toBeCloseTo(21211.408, 3); // a formula: its expected value
    expect(sampleValue('B_Target', 'C43')).toBe(0.12); // an input: its own value
    expect(sampleValue('B_Target', 'Z999')).toBeUndefined();
  });

  it('holds the 19 workbook names as the spec defines them', () => {
    expect(TEMPLATE_NAMES.map((n) => [n.name, n.expression])).toEqual(Object.entries(spec.names));
    expect(TEMPLATE_NAMES).toHaveLength(19);
  });

  it('formats every number and no text, with the format the rules give', () => {
    const allowed = new Set(['#,##0.00', '#,##0', '0.0%', '0.00%', '0.000']);
    for (const name of TEMPLATE_SHEET_NAMES) {
      const { formats } = templateSheetData(name);
      for (const [addr, cell] of Object.entries(spec.sheets[name])) {
        const v = 'formula' in cell ? cell.expected : cell.value;
        if (typeof v === 'number') expect(allowed.has(formats[addr]), `${name}!${addr} → ${formats[addr]}`).toBe(true);
        else expect(formats[addr], `${name}!${addr} is text`).toBeUndefined();
      }
    }
    const f = (sheet: (typeof TEMPLATE_SHEET_NAMES)[number], addr: string) => templateSheetData(sheet).formats[addr];
    expect(f('B_Target', 'G45')).toBe('#,##0.00'); // 万元 money
    expect(f('A_Market', 'C13')).toBe('#,##0.00'); // M0 is money although its label says "hospitals"
    expect(f('A_Market', 'C17')).toBe('#,##0'); // unit price in 元
    expect(f('A_Market', 'C11')).toBe('#,##0'); // hospital count
    expect(f('A_Market', 'C14')).toBe('0.0%'); // growth input
    expect(f('D_Expense', 'C52')).toBe('#,##0.00'); // "Growth" ΔF in 万元, not a ratio
    expect(f('D_Expense', 'H4')).toBe('#,##0'); // rank
    expect(f('C_Ansoff', 'I18')).toBe('0.000'); // scale factor k
    expect(f('E_Bonus', 'I23')).toBe('0.0%'); // payout %
    expect(f('E_Bonus', 'A67')).toBe('0.00%'); // 79.99% must not read as 80.0%
  });

  it('freezes the title row and the two label columns', () => {
    for (const name of TEMPLATE_SHEET_NAMES) {
      const { frozen } = templateSheetData(name);
      expect(frozen.cols, name).toBe(2);
      expect(frozen.rows, name).toBeGreaterThanOrEqual(1);
    }
    expect(templateSheetData('A_Market').frozen.rows).toBe(2); // its row 2 is the product header
  });
});

describe('namesInFormula', () => {
  const names = [
    { name: 'TARGET_TOTAL', expression: '=B_Target!$G$45' },
    { name: 'PO_CAP', expression: '=E_Bonus!$C$10' },
    { name: 'W_QUANT', expression: '=B_Target!$C$5' },
  ];
  const found = (f: string) => namesInFormula(f, names).map((n) => n.name);

  it('finds names used as operands, case-insensitively, once each', () => {
    expect(found('=TARGET_TOTAL*C4')).toEqual(['TARGET_TOTAL']);
    expect(found('=MIN(po_cap,1+PO_CAP*w_quant)')).toEqual(['PO_CAP', 'W_QUANT']);
  });

  it('ignores string literals, function calls, sheet prefixes and cell references', () => {
    expect(found('=IF(A1>0,"TARGET_TOTAL","PO_CAP")')).toEqual([]);
    expect(found('=PO_CAP(1)')).toEqual([]);
    expect(found("=PO_CAP!A1+'W_QUANT'!B2+C36")).toEqual([]);
  });

  it('finds every name the spec formulas use', () => {
    const used = new Set<string>();
    for (const sheet of Object.values(spec.sheets)) {
      for (const cell of Object.values(sheet)) if ('formula' in cell) for (const n of namesInFormula(cell.formula, TEMPLATE_NAMES)) used.add(n.name);
    }
    // Every name except the output-only EXPENSE_TOTAL is read by some formula.
    expect([...used].sort()).toEqual(TEMPLATE_NAMES.map((n) => n.name).filter((n) => n !== 'EXPENSE_TOTAL').sort());
  });
});
