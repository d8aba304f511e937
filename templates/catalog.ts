/**
 * The five template sheets of the spec as shipped data (generated into `templates/data/` by
 * `scripts/gen-templates.mjs`), the workbook-scope names, and the spec's sample values.
 * Sheet names and cell addresses are normative: formulas, expected values and exports use them.
 */
import type { RawContent } from '../src/model/cell';
import { isFormula } from '../src/model/cell';
import type { NamedExpression, Sheet } from '../src/model/notebook';
import { newId } from '../src/model/notebook';
import aMarket from './data/A_Market.json';
import bTarget from './data/B_Target.json';
import cAnsoff from './data/C_Ansoff.json';
import dExpense from './data/D_Expense.json';
import eBonus from './data/E_Bonus.json';
import expectedData from './data/expected.json';
import namesData from './data/names.json';
import { listNames, SAMPLE_LIST_LAYOUT } from './generators/listNames';
import { SAMPLE_SHAPE } from './generators/shape';
import { PO_TARGET_NAME } from './generators/bonus';
import { MONTHLY_SHEET, monthlyGenerator } from './generators/monthly';
import { STAFFING_SHEET, staffingCostSample, staffingGenerator } from './generators/staffing';

/** The five sheets of the spec. */
export const TEMPLATE_SHEET_NAMES = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus'] as const;
export type SpecSheetName = (typeof TEMPLATE_SHEET_NAMES)[number];
/** Every template sheet: the spec's five, then the sheets a generator lays out on the sample company (F_Staffing, G_Monthly). */
export const PLAN_SHEET_NAMES = [...TEMPLATE_SHEET_NAMES, 'F_Staffing', 'G_Monthly'] as const;
export type TemplateSheetName = (typeof PLAN_SHEET_NAMES)[number];

/** One template sheet as the generator writes it: the Notebook's raw form plus layout. */
export interface TemplateSheetData {
  name: TemplateSheetName;
  cells: Record<string, RawContent>;
  formats: Record<string, string>;
  frozen: { rows: number; cols: number };
  colWidths: Record<string, number>;
}

// The staffing plan on the sample company: the generator's sheet, in the same raw form.
const staffing = staffingGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
const staffingSheet = staffing.sheets[0];
// The twelve months on the sample company (even seasonality, no actuals: nothing else changes).
const monthly = monthlyGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
const monthlySheet = monthly.sheets[0];

const SHEETS: Record<TemplateSheetName, TemplateSheetData> = {
  A_Market: aMarket as TemplateSheetData,
  B_Target: bTarget as TemplateSheetData,
  C_Ansoff: cAnsoff as TemplateSheetData,
  D_Expense: dExpense as TemplateSheetData,
  E_Bonus: eBonus as TemplateSheetData,
  F_Staffing: {
    name: STAFFING_SHEET,
    cells: staffingSheet.cells,
    formats: staffingSheet.formats,
    frozen: staffingSheet.frozen ?? { rows: 1, cols: 1 },
    colWidths: staffingSheet.colWidths ?? {},
  },
  G_Monthly: {
    name: MONTHLY_SHEET,
    cells: monthlySheet.cells,
    formats: monthlySheet.formats,
    frozen: monthlySheet.frozen ?? { rows: 0, cols: 1 },
    colWidths: monthlySheet.colWidths ?? {},
  },
};

/**
 * The spec's value of every formula cell under the sample data, by sheet and address; for
 * F_Staffing, the cost outputs other sheets read (what its link stub shows).
 */
const EXPECTED: Record<string, Record<string, RawContent>> = { ...expectedData, F_Staffing: staffingCostSample(SAMPLE_SHAPE) };

/** The 19 workbook-scope names, in spec order (e.g. `TARGET_TOTAL` → `=B_Target!$G$45`). */
export const TEMPLATE_NAMES: readonly NamedExpression[] = namesData;

/**
 * Every name the sample plan defines: the spec's 19, then the list names (`PRODUCT_TARGET`,
 * `REGION_FINAL`, … see `generators/listNames.ts`) at the sample's positions, the payout curve's
 * `PO_TARGET`, then the staffing
 * plan's (`ATTRITION`, `PERSONNEL_COST`, `REGION_COST`, …), then the monthly tracking's (`SEASON`,
 * `ACTUALS`, `CLOSED_MONTHS`, `YTD_TARGET`, …).
 */
export const PLAN_NAMES: readonly NamedExpression[] = [...TEMPLATE_NAMES, ...listNames(SAMPLE_LIST_LAYOUT), PO_TARGET_NAME, ...staffing.names, ...monthly.names];

export function isTemplateSheetName(name: string): name is TemplateSheetName {
  return (PLAN_SHEET_NAMES as readonly string[]).includes(name);
}

export function templateSheetData(name: TemplateSheetName): TemplateSheetData {
  return SHEETS[name];
}

/** A fresh document sheet holding a template sheet, tagged with the gallery entry it came from. */
export function buildTemplateSheet(name: TemplateSheetName, templateId: string): Sheet {
  const data = SHEETS[name];
  return {
    id: newId('s'),
    name,
    cells: { ...data.cells },
    formats: { ...data.formats },
    colWidths: { ...data.colWidths },
    frozen: { ...data.frozen },
    template: templateId,
  };
}

/**
 * The sample value of a spec cell: an input's own value, a formula's expected value; `undefined`
 * for a cell the spec leaves empty. Link stubs hold these.
 */
export function sampleValue(sheet: TemplateSheetName, addr: string): RawContent | undefined {
  const raw = SHEETS[sheet].cells[addr];
  return isFormula(raw) ? EXPECTED[sheet]?.[addr] : raw;
}

/** Expected values of a template sheet's formula cells (for tests and link-stub samples). */
export function expectedValues(sheet: TemplateSheetName): Readonly<Record<string, RawContent>> {
  return EXPECTED[sheet] ?? {};
}
