import { describe, expect, it } from 'vitest';
import { referencedCells, referencedSheets, renameSheetInFormula, shiftFormula } from '../../src/model/formulaText';

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute ones, like an Excel paste', () => {
    expect(shiftFormula('=A1+$B$2+C$3+$D4', 2, 1)).toBe('=B3+$B$2+D$3+$D6');
    expect(shiftFormula('=SUM(A1:B2)*Other!C3', 1, 0)).toBe('=SUM(A2:B3)*Other!C4');
  });
  it('leaves strings, function names and names alone', () => {
    expect(shiftFormula('=IF(A1>0,"A1",LOG10(A2))+W_TREND', 1, 0)).toBe('=IF(A2>0,"A1",LOG10(A3))+W_TREND');
  });
  it('turns a reference pushed off the sheet into #REF!', () => {
    expect(shiftFormula('=A1+1', -1, 0)).toBe('=#REF!+1');
  });
  it('handles quoted sheet names', () => {
    expect(shiftFormula("='My Sheet'!A1", 0, 2)).toBe("='My Sheet'!C1");
  });
});

describe('renameSheetInFormula', () => {
  it('renames plain and quoted references, case-insensitively, and only that sheet', () => {
    expect(renameSheetInFormula('=Data!A1+data!B2:C3+Other!A1', 'Data', 'Plan 2026')).toBe("='Plan 2026'!A1+'Plan 2026'!B2:C3+Other!A1");
    expect(renameSheetInFormula("='Plan 2026'!$A$1", 'Plan 2026', 'Base')).toBe('=Base!$A$1');
    expect(renameSheetInFormula('="Data!A1"&Data!A1', 'Data', 'X')).toBe('="Data!A1"&X!A1');
  });
});

describe('references', () => {
  it('lists the sheets and cells a formula reads', () => {
    expect(referencedSheets('=B_Target!C36+A_Market!F7+C1')).toEqual(['B_Target', 'A_Market']);
    expect(referencedCells('=SUM(B_Target!C36:D37)+E1', 'A')).toEqual([
      { sheet: 'B_Target', addr: 'C36' }, { sheet: 'B_Target', addr: 'D36' },
      { sheet: 'B_Target', addr: 'C37' }, { sheet: 'B_Target', addr: 'D37' },
      { sheet: 'A', addr: 'E1' },
    ]);
  });
});
