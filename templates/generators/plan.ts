/**
 * A plan out of the sheet generators: `generatePlan(shape, inputs)` runs the chain
 * (`PLAN_GENERATORS`, each reading the names the earlier ones defined) and puts the parts
 * together as one notebook — sheets in chain order, every workbook name, the notebook view's
 * items, and `layout.plan` = the shape it was built for, from which its drivers, KPIs, presets
 * and input rules are regenerated on demand (`planVocabulary`), so a file stays small and the
 * vocabulary always matches the sheets.
 *
 * The chain is the generators on main: it grows as A_Market … E_Bonus land (see types.ts for how
 * a sheet generator plugs in).
 */
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import type { LayoutItem, NamedExpression, Notebook } from '../../src/model/notebook';
import { emptyNotebook } from '../../src/model/notebook';
import type { ClientShape } from './shape';
import type { InputRule, PlanInputs, PlanPart, PlanPreset, SheetGenerator } from './types';
import { emptyPart } from './types';

/** The gallery id of a client plan, also the `template` of its sheets. */
export const CLIENT_PLAN_TEMPLATE = 'client-plan';

/** The annual plan's chain, in dependency order (each reads the names of those before it). */
export const PLAN_GENERATORS: readonly SheetGenerator[] = [];

/** The sheets an annual plan needs from its chain. */
export const PLAN_SHEETS = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus'] as const;

/** Whether the chain builds every sheet of the plan (the client card is offered only then). */
export function planChainComplete(generators: readonly SheetGenerator[] = PLAN_GENERATORS): boolean {
  const have = new Set(generators.flatMap((g) => g.sheets));
  return PLAN_SHEETS.every((s) => have.has(s));
}

/** What a plan keeps of how it was built: `notebook.layout.plan`. */
export interface PlanMeta {
  version: 1;
  shape: ClientShape;
}

export const PLAN_LAYOUT_KEY = 'plan';

/** The chain run on `shape`: each generator's own part, in chain order. */
export function generatorParts(shape: ClientShape, inputs: PlanInputs = {}, generators: readonly SheetGenerator[] = PLAN_GENERATORS): { generator: SheetGenerator; part: PlanPart }[] {
  const names = new Map<string, NamedExpression>();
  return generators.map((generator) => {
    const part = generator.generate({ shape, inputs, names });
    for (const n of part.names) if (!names.has(n.name.toUpperCase())) names.set(n.name.toUpperCase(), n);
    return { generator, part };
  });
}

/** The chain run on `shape`: every generator's part, merged (a name defined twice keeps the first). */
export function generatePlanPart(shape: ClientShape, inputs: PlanInputs = {}, generators: readonly SheetGenerator[] = PLAN_GENERATORS): PlanPart {
  const out = emptyPart();
  const seen = new Set<string>();
  for (const { part } of generatorParts(shape, inputs, generators)) {
    out.sheets.push(...part.sheets);
    for (const n of part.names) {
      const key = n.name.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.names.push(n);
    }
    out.layout.push(...part.layout);
    out.drivers.push(...part.drivers);
    out.kpis.push(...part.kpis);
    out.presets.push(...part.presets);
    out.inputRules.push(...part.inputRules);
  }
  return out;
}

/** The plan's title in its language: `康瑞医疗 FY2026 年度计划` / `Acme FY2026 annual plan`. */
export function planTitle(shape: Pick<ClientShape, 'client' | 'fiscalYear' | 'language'>): string {
  return shape.language === 'en' ? `${shape.client} FY${shape.fiscalYear} annual plan` : `${shape.client} FY${shape.fiscalYear} 年度计划`;
}

/** A new notebook holding the plan for `shape`, with `inputs` (by input key) in place of the defaults. */
export function generatePlan(shape: ClientShape, inputs: PlanInputs = {}, generators: readonly SheetGenerator[] = PLAN_GENERATORS): Notebook {
  const part = generatePlanPart(shape, inputs, generators);
  const nb = emptyNotebook(planTitle(shape), shape.language);
  nb.sheets = part.sheets.map((s) => ({ ...s, template: CLIENT_PLAN_TEMPLATE }));
  nb.names = part.names.map((n) => ({ ...n }));
  nb.layout.items = part.layout.map((i) => structuredClone(i));
  const meta: PlanMeta = { version: 1, shape: structuredClone(shape) };
  nb.layout[PLAN_LAYOUT_KEY] = meta;
  return nb;
}

/** The shape a notebook's plan was built for, or null for a notebook that is not a client plan. */
export function planShape(nb: Pick<Notebook, 'layout'>): ClientShape | null {
  const meta = nb.layout[PLAN_LAYOUT_KEY] as PlanMeta | undefined;
  return meta && meta.version === 1 && meta.shape ? meta.shape : null;
}

/** A client plan's presenter and what-if vocabulary, as its generators give it for its shape. */
export interface PlanVocabulary {
  /** Each sheet's own drivers and KPIs (its generator's), by sheet name. */
  bySheet: Record<string, { drivers: DriverDef[]; kpis: KpiDef[] }>;
  drivers: DriverDef[];
  kpis: KpiDef[];
  presets: PlanPreset[];
  inputRules: InputRule[];
  layout: LayoutItem[];
}

const vocabularies = new WeakMap<ClientShape, PlanVocabulary>();
/** The last few by content: `session.plain()` hands out a new copy of the same shape each time. */
const recent = new Map<string, PlanVocabulary>();

/** The drivers, KPIs, presets and input rules of a client plan (null for another notebook); memoised per shape. */
export function planVocabulary(nb: Pick<Notebook, 'layout'>, generators: readonly SheetGenerator[] = PLAN_GENERATORS): PlanVocabulary | null {
  const shape = planShape(nb);
  if (!shape) return null;
  const memo = generators === PLAN_GENERATORS;
  const hit = memo ? vocabularies.get(shape) : undefined;
  if (hit) return hit;
  const key = memo ? JSON.stringify(shape) : '';
  const known = memo ? recent.get(key) : undefined;
  if (known) {
    vocabularies.set(shape, known);
    return known;
  }
  const parts = generatorParts(shape, {}, generators);
  const v: PlanVocabulary = { bySheet: {}, drivers: [], kpis: [], presets: [], inputRules: [], layout: [] };
  for (const { generator, part } of parts) {
    for (const sheet of generator.sheets) v.bySheet[sheet] = { drivers: part.drivers, kpis: part.kpis };
    v.drivers.push(...part.drivers);
    v.kpis.push(...part.kpis);
    v.presets.push(...part.presets);
    v.inputRules.push(...part.inputRules);
    v.layout.push(...part.layout);
  }
  if (memo) {
    vocabularies.set(shape, v);
    recent.set(key, v);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return v;
}
