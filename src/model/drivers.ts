/**
 * The workshop's vocabulary: what a driver a presenter moves is (a key input, with its range,
 * step and unit), the KPIs each slide shows, the slides themselves and the upside/downside
 * presets, and how they resolve in a notebook — through the workbook names where there is one
 * (`PO_THRESHOLD` → `E_Bonus!$C$6`) and by address otherwise, following moved rows. The tables
 * themselves are the templates' (see `NotebookVocabulary`).
 *
 * A driver's `name` is what its control carries as `data-driver`: the workbook name when there is
 * one, else the cell (`B_Target!C43`). A KPI's `id` is its `data-kpi`, the same way.
 */
import type { RawContent } from './cell';
import type { NamedExpression, Notebook, RelativeOverride } from './notebook';
import { findSheet } from './notebook';
import { splitCellKey } from './scenarios';
import { relocate } from './structure';

import type { Bilingual } from './bilingual';

/** How a number reads: `percent` 20.0%, `weight` 70%, `times` 2.0×, `money` 21,211 万元, `count`. */
export type Unit = 'percent' | 'weight' | 'times' | 'money' | 'count' | 'ratio';

export interface DriverDef {
  /** `data-driver`: a workbook name, or `Sheet!A1` when the spec names none. */
  name: string;
  label: Bilingual;
  /** Where the value lives: a workbook name or a `Sheet!A1` cell. */
  ref: string;
  min: number;
  max: number;
  step: number;
  unit: Unit;
}

export interface KpiDef {
  /** `data-kpi`: a workbook name or `Sheet!A1`. */
  id: string;
  label: Bilingual;
  unit: Unit;
  /** A cost, a gap: a rise is bad news and its change reads red (default: a rise is good). */
  lowerIsBetter?: boolean;
}

/** KPIs whose rise is bad news, by the workbook name every plan defines. */
export const LOWER_IS_BETTER = new Set(['EXPENSE_TOTAL', 'PROJECT_COST_TOTAL', 'PERSONNEL_COST', 'CAPACITY_GAP', 'GROWTH_GAP']);

/** Whether a KPI's rise is good news: its own flag, else by name (`EXPENSE_TOTAL`), else yes. */
export function riseIsGood(def: Pick<KpiDef, 'id' | 'lowerIsBetter'>): boolean {
  return !(def.lowerIsBetter ?? LOWER_IS_BETTER.has(def.id));
}

/** A simple bar visual: one bar per cell, labelled. `person` rows show rep names and individual pay. */
export interface BarsDef {
  title: Bilingual;
  unit: Unit;
  bars: { label: Bilingual | { cell: string }; ref: string }[];
  person?: boolean;
}

/** The per-rep table of the bonus slide: names and individual pay are masked in privacy mode. */
export interface PeopleTableDef {
  title: Bilingual;
  /** Rows: first cell of each column per row is `<col><row>`. */
  rows: number[];
  sheet: string;
  columns: { col: string; label: Bilingual; unit: Unit | 'text'; private?: 'name' | 'pay' }[];
  total?: { row: number; label: Bilingual };
}

export interface SlideDef {
  /** `overview` or a template sheet name. */
  id: string;
  title: Bilingual;
  /** The sheet that must exist for the slide to show (none for the overview). */
  sheet?: string;
  kpis: KpiDef[];
  drivers: string[];
  bars?: BarsDef;
  people?: PeopleTableDef;
  /** A chart of the notebook view (a layout item id such as `E_Bonus.payout`), shown beside the bars when available. */
  chart?: string;
  /** A sheet added after the spec's five (F_Staffing): its slide shows when the sheet is there, and the overview does not need it. */
  extra?: boolean;
}


/**
 * A notebook's vocabulary: a client plan built by the generators for the client's shape brings
 * its drivers and slides at the generated cells (`templates/generators/planSlides.ts`); every
 * other notebook — the sample annual plan, single templates — has the spec's tables
 * (`templates/specVocabulary.ts`). The templates own both; the UI registers them
 * (`src/ui/vocabulary.ts`), so nothing here names a template cell.
 */
export interface NotebookVocabulary {
  drivers: readonly DriverDef[];
  slides: readonly SlideDef[];
  /** Upside / downside; the default vocabulary's when absent. */
  scenarioPresets?: readonly ScenarioPreset[];
  /** What `money` counts in (`yuan`, `qian`, `wan`); the spec's 万元 when absent. */
  moneyUnit?: string;
}

type VocabularySource = Pick<Notebook, 'layout' | 'names'>;
const providers: ((nb: VocabularySource) => NotebookVocabulary | null)[] = [];

/** Until one is registered, a notebook has no drivers or slides. */
let fallback: NotebookVocabulary = { drivers: [], slides: [] };

/** Adds a source of notebook vocabularies (the first to answer for a notebook wins). */
export function registerVocabulary(provider: (nb: VocabularySource) => NotebookVocabulary | null): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** The vocabulary of a notebook no provider answers for (the spec's tables, registered by the UI). */
export function registerDefaultVocabulary(v: NotebookVocabulary): void {
  fallback = v;
}

/** The drivers and slides of a notebook: its own (a client plan's), else the default. */
export function vocabularyOf(nb: VocabularySource | undefined): NotebookVocabulary {
  if (nb?.layout) {
    for (const p of providers) {
      const v = p(nb);
      if (v) return v;
    }
  }
  return fallback;
}

/** Upside and downside for a notebook: its own, else the default vocabulary's. */
export function scenarioPresetsOf(nb: VocabularySource | undefined): readonly ScenarioPreset[] {
  return vocabularyOf(nb).scenarioPresets ?? fallback.scenarioPresets ?? [];
}

/** The KPI of a notebook's slides with this English label (`Contribution profit` → `D_Expense!C26` on the sample). */
export function kpiByLabel(nb: VocabularySource | undefined, en: string): KpiDef | undefined {
  for (const s of vocabularyOf(nb).slides) {
    const k = s.kpis.find((x) => x.label.en === en);
    if (k) return k;
  }
  return undefined;
}

/** A driver by its `data-driver` name, among the notebook's drivers (the spec's when none is given). */
export function driverByName(name: string, nb?: VocabularySource): DriverDef | undefined {
  return vocabularyOf(nb).drivers.find((d) => d.name === name);
}


/**
 * Where a name or `Sheet!A1` points: the cell, or null when the name is unknown or is not a single
 * cell (e.g. `=B_Target!$G$45` → `B_Target!G45`).
 */
export function resolveRef(names: readonly NamedExpression[], ref: string): { sheet: string; addr: string } | null {
  if (ref.includes('!')) return splitCellKey(ref);
  const n = names.find((x) => x.name.toUpperCase() === ref.toUpperCase());
  if (!n) return null;
  const expr = n.expression.replace(/^=/, '').trim();
  const m = /^('(?:[^']|'')+'|[^!:]+)!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(expr);
  if (!m) return null;
  let sheet = m[1];
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, addr: `${m[2].toUpperCase()}${m[3]}` };
}

/**
 * `Sheet!A1` of a ref in this notebook, or null. The tables here name the spec's cells; where the
 * notebook's rows or columns moved since (or a sheet was renamed), the cell is found where it is
 * now (`relocate`), and a deleted one is null.
 */
export function refKey(nb: Pick<Notebook, 'names'> & { layout?: Notebook['layout'] }, ref: string): string | null {
  const at = ref.includes('!') ? relocate(nb.layout, ref) : ref;
  const r = at === null ? null : resolveRef(nb.names, at);
  return r ? `${r.sheet}!${r.addr}` : null;
}

/**
 * A driver's `data-driver`: the workbook name of its input where it has one (the driver's own, or
 * a name that points at exactly that cell), otherwise the address where the input is now.
 */
export function driverId(nb: Pick<Notebook, 'names'> & { layout?: Notebook['layout'] }, d: DriverDef): string {
  if (!d.ref.includes('!')) return d.name;
  const key = refKey(nb, d.ref);
  if (!key) return d.name;
  const named = nb.names.find((n) => {
    const r = resolveRef(nb.names, n.name);
    return r && `${r.sheet}!${r.addr}`.toLowerCase() === key.toLowerCase();
  });
  return named?.name ?? key;
}

/** The drivers that apply to a notebook: their cell exists and holds a number (an input, not a formula). */
export function availableDrivers(nb: Notebook): DriverDef[] {
  return vocabularyOf(nb).drivers.filter((d) => {
    const key = refKey(nb, d.ref);
    const r = key && splitCellKey(key);
    const sheet = r && findSheet(nb, r.sheet);
    return !!sheet && !sheet.stub && typeof sheet.cells[r.addr] === 'number';
  });
}

/** The slides that apply: the overview needs the whole plan; a template slide needs its real sheet. */
export function availableSlides(nb: Notebook): SlideDef[] {
  const real = (name: string) => {
    const s = findSheet(nb, name);
    return !!s && !s.stub;
  };
  const slides = vocabularyOf(nb).slides;
  return slides.filter((s) => (s.sheet ? real(s.sheet) : slides.every((x) => !x.sheet || x.extra || real(x.sheet))));
}

/** Snaps a value into a driver's range and onto its step grid (no float dust: 0.1 + 0.2 stays 0.3). */
export function clampToDriver(d: DriverDef, value: number): number {
  const v = Math.min(d.max, Math.max(d.min, value));
  const steps = Math.round((v - d.min) / d.step);
  const decimals = Math.max(0, -Math.floor(Math.log10(d.step)) + 2);
  return Number(Math.min(d.max, d.min + steps * d.step).toFixed(decimals));
}

export interface ScenarioPreset {
  id: 'upside' | 'downside';
  name: Bilingual;
  /** Changes relative to the base value of each cell: `add` (points) or `mul` (factor). */
  changes: { ref: string; add?: number; mul?: number }[];
}


/** A preset's overrides for this notebook, from the base values given (cells that are absent or not numbers are skipped). */
export function presetOverrides(nb: Pick<Notebook, 'names'>, preset: ScenarioPreset, baseValue: (key: string) => RawContent | null | undefined): Record<string, RawContent> {
  const out: Record<string, RawContent> = {};
  for (const c of preset.changes) {
    const key = refKey(nb, c.ref);
    if (!key) continue;
    const v = baseValue(key);
    if (typeof v !== 'number') continue;
    out[key] = Number(((v + (c.add ?? 0)) * (c.mul ?? 1)).toFixed(10));
  }
  return out;
}

/** A preset as overrides relative to the base (they follow it), for the cells whose base is a number. */
export function presetRules(nb: Pick<Notebook, 'names'>, preset: ScenarioPreset, baseValue: (key: string) => RawContent | null | undefined): Record<string, RelativeOverride> {
  const out: Record<string, RelativeOverride> = {};
  for (const c of preset.changes) {
    const key = refKey(nb, c.ref);
    if (!key || typeof baseValue(key) !== 'number') continue;
    const rule: RelativeOverride = {};
    if (c.add !== undefined) rule.add = c.add;
    if (c.mul !== undefined) rule.mul = c.mul;
    out[key] = rule;
  }
  return out;
}

/** The scenario comparison's outputs for a notebook: its overview's KPIs (else the default's). */
export function compareOutputs(nb: VocabularySource): readonly KpiDef[] {
  const overview = (v: NotebookVocabulary) => v.slides.find((s) => s.id === 'overview')?.kpis;
  return overview(vocabularyOf(nb)) ?? overview(fallback) ?? [];
}
