/**
 * The generator interface: a plan is built from the client's lists by a chain of sheet
 * generators. Each reads the `ClientShape` (and the inputs typed so far, by name) and gives back
 * its part of the plan: sheets, workbook names, notebook layout items (charts, KPI cards), driver
 * controls, what-if presets and input rules. Nothing outside `templates/` names a template cell:
 * everything that points into a generated sheet comes out of its generator.
 *
 * Plugging in a new sheet (G_Monthly, F_Staffing, …):
 * 1. write `templates/generators/<sheet>.ts` exporting a `SheetGenerator` whose `generate(ctx)`
 *    lays its sheet out from `ctx.shape` and reads the other sheets only through the list names
 *    (`ctx.names`: `REGION_FINAL`, `REP_QUOTA`, `LEVEL_BASE`, …, see `listNames.ts`) and the spec's
 *    names (`TARGET_TOTAL`, …), never through addresses of sheets it does not own;
 * 2. key every input it lays out with `inputKey(sheet, rowItem, colItem)` so a regrown plan keeps
 *    what the user typed, by name (`ctx.inputs`);
 * 3. add it to `PLAN_GENERATORS` (after the generators whose names it reads).
 */
import type { RawContent } from '../../src/model/cell';
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import type { LayoutItem, NamedExpression, Sheet } from '../../src/model/notebook';
import type { ClientShape } from './shape';

/** Inputs typed into a plan, by name: `inputKey(...)` → raw content. */
export type PlanInputs = Readonly<Record<string, RawContent>>;

/** The type and range of an input cell (what the grid and the Structure panel check on entry). */
export interface InputRule {
  /** `Sheet!A1` or `Sheet!A1:B9`. */
  ref: string;
  kind: 'number' | 'integer' | 'percent' | 'text';
  min?: number;
  max?: number;
}

/** A what-if preset a generator offers (tornado inputs, goal-seek pairs, …), as plain data. */
export interface PlanPreset {
  id: string;
  kind: 'tornado' | 'dataTable1' | 'dataTable2' | 'goalSeek' | 'monteCarlo';
  spec: Record<string, unknown>;
}

export interface GeneratorContext {
  shape: ClientShape;
  inputs: PlanInputs;
  /** Names the earlier generators defined (list names and the spec's names), by name. */
  names: ReadonlyMap<string, NamedExpression>;
}

/** One generator's part of a plan. */
export interface PlanPart {
  sheets: Sheet[];
  names: NamedExpression[];
  layout: LayoutItem[];
  drivers: DriverDef[];
  kpis: KpiDef[];
  presets: PlanPreset[];
  inputRules: InputRule[];
}

export interface SheetGenerator {
  /** The sheets this generator owns, in tab order. */
  sheets: readonly string[];
  generate(ctx: GeneratorContext): PlanPart;
}

export function emptyPart(): PlanPart {
  return { sheets: [], names: [], layout: [], drivers: [], kpis: [], presets: [], inputRules: [] };
}
