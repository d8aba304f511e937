/**
 * The presenter's vocabulary for a client plan: its drivers and slides at the cells its
 * generators laid out. The slides keep the spec's titles and charts (the view items carry the
 * same ids on every shape); their KPIs and drivers are each sheet's generator's; the bar lists
 * read the list names (final target per region, quota per rep), so nothing here names a cell.
 */
import { forEachInRange, parseRange, splitSheetRef, toA1 } from '../../src/model/address';
import type { BarsDef, DriverDef, KpiDef, NotebookVocabulary, ScenarioPreset, SlideDef } from '../../src/model/drivers';
import { DRIVERS, SCENARIO_PRESETS, SLIDES } from '../specVocabulary';
import type { NamedExpression, Notebook } from '../../src/model/notebook';
import type { PlanVocabulary } from './plan';
import { planShape, planVocabulary } from './plan';
import { UNIT_KEYS } from './ansoffView';

/** The cells a list name covers, in list order (`=B_Target!$G$88:$G$91` → four `B_Target!G…`). */
export function listCells(names: readonly NamedExpression[], name: string): string[] {
  const n = names.find((x) => x.name.toUpperCase() === name.toUpperCase());
  if (!n) return [];
  const { sheet, ref } = splitSheetRef(n.expression.replace(/^=/, ''));
  const range = sheet ? parseRange(ref.replace(/\$/g, '')) : null;
  if (!sheet || !range) return [];
  const out: string[] = [];
  forEachInRange(range, (p) => out.push(`${sheet}!${toA1(p)}`));
  return out;
}

/** One bar per item of a list: the value from `valueName`, the label from the cell of `labelName`. */
function listBars(names: readonly NamedExpression[], labelName: string, valueName: string, base: BarsDef): BarsDef | undefined {
  const labels = listCells(names, labelName);
  const values = listCells(names, valueName);
  if (values.length === 0 || labels.length !== values.length) return undefined;
  return { ...base, bars: values.map((ref, i) => ({ label: { cell: labels[i] }, ref })) };
}

/** A spec slide's KPI or driver found in the plan: by id or name, else by the same English label. */
function findKpi(all: readonly KpiDef[], k: KpiDef): KpiDef | undefined {
  return all.find((x) => x.id === k.id) ?? all.find((x) => x.label.en === k.label.en);
}
function findDriver(all: readonly DriverDef[], name: string): DriverDef | undefined {
  const spec = DRIVERS.find((d) => d.name === name);
  return all.find((d) => d.name === name) ?? (spec ? all.find((d) => d.label.en === spec.label.en) : undefined);
}

export function planSlides(names: readonly NamedExpression[], v: PlanVocabulary): SlideDef[] {
  const named = new Set(names.map((n) => n.name.toUpperCase()));
  return SLIDES.map((slide): SlideDef => {
    const { bars: _bars, people: _people, ...rest } = slide;
    if (!slide.sheet) {
      const kpis = slide.kpis.flatMap((k) => {
        const own = findKpi(v.kpis, k);
        return own ? [own] : !k.id.includes('!') && named.has(k.id.toUpperCase()) ? [k] : [];
      });
      const drivers = slide.drivers.flatMap((n) => findDriver(v.drivers, n)?.name ?? []);
      const bars = slide.bars && listBars(names, 'REGION_NAME', 'REGION_FINAL', slide.bars);
      return { ...rest, kpis, drivers: [...new Set(drivers)], ...(bars ? { bars } : {}) };
    }
    const own = v.bySheet[slide.sheet] ?? { drivers: [], kpis: [] };
    // The spec slide's own order first, then what else the sheet's generator offers.
    const kpis = [...slide.kpis.flatMap((k) => findKpi(own.kpis, k) ?? []), ...own.kpis];
    const drivers = [...slide.drivers.flatMap((n) => findDriver(v.drivers, n)?.name ?? []), ...own.drivers.map((d) => d.name)];
    const bars = slide.sheet === 'B_Target' && slide.bars ? listBars(names, 'REP_NAME', 'REP_QUOTA', slide.bars) : undefined;
    return { ...rest, kpis: [...new Map(kpis.map((k) => [k.id, k])).values()], drivers: [...new Set(drivers)], ...(bars ? { bars } : {}) };
  });
}

/** A client plan's drivers and slides (null for another notebook): the provider `src/model/drivers.ts` asks. */
export function planNotebookVocabulary(nb: Pick<Notebook, 'layout' | 'names'>): NotebookVocabulary | null {
  const v = planVocabulary(nb);
  const shape = planShape(nb);
  return v && shape ? { drivers: v.drivers, slides: planSlides(nb.names, v), scenarioPresets: planScenarioPresets(v.drivers), moneyUnit: UNIT_KEYS[shape.unit] } : null;
}

/**
 * Upside and downside as the spec moves them — every line's volume growth ±2 pts and judgement
 * growth ±5 pts — over the drivers the plan's generators give for its lines (`<line> volume
 * growth`, `<line> judgement growth`), so they follow the plan's own lines.
 */
export function planScenarioPresets(drivers: readonly DriverDef[]): ScenarioPreset[] {
  const moves = (sign: 1 | -1) =>
    drivers.flatMap((d) => (/ volume growth$/.test(d.label.en) ? [{ ref: d.ref, add: 0.02 * sign }] : / judgement growth$/.test(d.label.en) ? [{ ref: d.ref, add: 0.05 * sign }] : []));
  const up = moves(1);
  if (up.length === 0) return [];
  return SCENARIO_PRESETS.map((p) => ({ ...p, changes: p.id === 'upside' ? up : moves(-1) }));
}
