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
import { columnLabel } from '../../src/model/address';
import { ansoffGenerator, ansoffLayout } from './ansoff';
import { bonusGenerator, bonusLayout } from './bonus';
import { expenseGenerator } from './expense';
import { staffingGenerator } from './staffing';
import { marketGenerator } from './market';
import { targetGenerator } from './target';
import { monthlyGenerator } from './monthly';

/** The gallery id of a client plan, also the `template` of its sheets. */
export const CLIENT_PLAN_TEMPLATE = 'client-plan';

/**
 * The annual plan's chain, in dependency order (each reads the names of those before it):
 * A_Market and B_Target first (B_Target defines the list names), F_Staffing before D_Expense,
 * whose salary line reads `PERSONNEL_COST` when the chain has it, G_Monthly last.
 */
export const PLAN_GENERATORS: readonly SheetGenerator[] = [marketGenerator, targetGenerator, ansoffGenerator, bonusGenerator, staffingGenerator, expenseGenerator, monthlyGenerator];

/** Tab order of a plan's sheets, whatever order the chain computes them in. */
export const PLAN_TAB_ORDER = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly'] as const;

/** `items` with those on the plan's sheets in tab order, in the places they held; the others stay put. */
export function inTabOrder<T>(items: readonly T[], sheetOf: (item: T) => string): T[] {
  const rank = (t: T) => (PLAN_TAB_ORDER as readonly string[]).indexOf(sheetOf(t));
  const known = items.filter((t) => rank(t) >= 0);
  const sorted = known.map((t, i) => [t, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([t]) => t);
  let k = 0;
  return items.map((t) => (rank(t) >= 0 ? sorted[k++] : t));
}

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

/**
 * The list names whose sheet is in the chain and that no generator defined itself:
 * `PRODUCT_NAME` on C_Ansoff's per-line table, `LEVEL_NAME` / `LEVEL_BASE` on E_Bonus's reps'
 * levels (as `listNames.ts` lays them out on the sample). B_Target's (`REGION_FINAL`, `REP_QUOTA`,
 * …) come with its generator.
 */
export function planListNames(shape: ClientShape, sheets: ReadonlySet<string>, defined: ReadonlySet<string>): NamedExpression[] {
  const span = (sheet: string, col: number, rows: { first: number; last: number }) =>
    `=${sheet}!$${columnLabel(col)}$${rows.first + 1}:$${columnLabel(col)}$${rows.last + 1}`;
  const out: NamedExpression[] = [];
  if (sheets.has('C_Ansoff')) out.push({ name: 'PRODUCT_NAME', expression: span('C_Ansoff', 0, ansoffLayout(shape).productRows) });
  if (sheets.has('E_Bonus')) {
    const rows = bonusLayout(shape).repLevelRows;
    out.push({ name: 'LEVEL_NAME', expression: span('E_Bonus', 0, rows) }, { name: 'LEVEL_BASE', expression: span('E_Bonus', 3, rows) });
  }
  return out.filter((n) => !defined.has(n.name));
}

/** The chain run on `shape`: every generator's part, merged (a name defined twice keeps the first). */
export function generatePlanPart(shape: ClientShape, inputs: PlanInputs = {}, generators: readonly SheetGenerator[] = PLAN_GENERATORS): PlanPart {
  return joinParts(shape, generatorParts(shape, inputs, generators));
}

function joinParts(shape: ClientShape, parts: { part: PlanPart }[]): PlanPart {
  const out = emptyPart();
  const seen = new Set<string>();
  for (const { part } of parts) {
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
  out.names.push(...planListNames(shape, new Set(out.sheets.map((x) => x.name)), seen));
  return out;
}

/** The plan's title in its language: `康瑞医疗 FY2026 年度计划` / `Acme FY2026 annual plan`. */
export function planTitle(shape: Pick<ClientShape, 'client' | 'fiscalYear' | 'language'>): string {
  return shape.language === 'en' ? `${shape.client} FY${shape.fiscalYear} annual plan` : `${shape.client} FY${shape.fiscalYear} 年度计划`;
}

/** A new notebook holding the plan for `shape`, with `inputs` (by input key) in place of the defaults. */
export function generatePlan(shape: ClientShape, inputs: PlanInputs = {}, generators: readonly SheetGenerator[] = PLAN_GENERATORS): Notebook {
  const parts = generatorParts(shape, inputs, generators);
  // The vocabulary is the generators' for the shape alone: a plan built with the defaults hands
  // it over, so opening the new plan does not generate it all a second time.
  if (generators === PLAN_GENERATORS && Object.keys(inputs).length === 0) remember(JSON.stringify(shape), vocabularyOf(parts));
  const part = joinParts(shape, parts);
  const nb = emptyNotebook(planTitle(shape), shape.language);
  nb.sheets = inTabOrder(part.sheets, (s) => s.name).map((s) => ({ ...s, template: CLIENT_PLAN_TEMPLATE }));
  nb.names = part.names.map((n) => ({ ...n }));
  nb.layout.items = inTabOrder(part.layout, (i) => i.sheet).map((i) => structuredClone(i));
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
  // A plain copy: the shape may sit in the session's reactive store, where each read of the
  // generators (hundreds of thousands) would go through its proxy.
  const v = vocabularyOf(generatorParts(JSON.parse(key || JSON.stringify(shape)) as ClientShape, {}, generators));
  if (memo) {
    vocabularies.set(shape, v);
    remember(key, v);
  }
  return v;
}

function remember(key: string, v: PlanVocabulary): void {
  recent.set(key, v);
  if (recent.size > 4) recent.delete(recent.keys().next().value!);
}

function vocabularyOf(parts: { generator: SheetGenerator; part: PlanPart }[]): PlanVocabulary {
  const v: PlanVocabulary = { bySheet: {}, drivers: [], kpis: [], presets: [], inputRules: [], layout: [] };
  for (const { generator, part } of parts) {
    for (const sheet of generator.sheets) v.bySheet[sheet] = { drivers: part.drivers, kpis: part.kpis };
    v.drivers.push(...part.drivers);
    v.kpis.push(...part.kpis);
    v.presets.push(...part.presets);
    v.inputRules.push(...part.inputRules);
    v.layout.push(...part.layout);
  }
  return v;
}
