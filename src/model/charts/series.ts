/**
 * Series over categories — the data of bar, stacked bar, grouped bar, line, heatmap and the paired
 * FY-vs-FY bars: a grid of values (`values`), labelled by `rowLabels`/`colLabels`, with an optional
 * value per category drawn as a line or label (`line`) and a key that colours each bar (`colors`).
 * `options.series` says whether each row (`'rows'`) or each column (`'cols'`, default) is a series;
 * `options.seriesLabels` and `options.categoryLabels` (bilingual) override labels read from cells;
 * `options.sort: 'desc'` orders a one-series chart largest first.
 */
import { maxOf } from '../arrays';
import type { Bilingual } from '../bilingual';
import { pickText } from '../bilingual';
import type { LayoutItem, Locale } from '../notebook';
import type { KindBindings, ResolvedBindings } from './bindings';
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { toNumber } from '../bindingCells';

export interface Series {
  label: string;
  values: (number | null)[];
  cells: Cell[];
}

export interface SeriesData {
  categories: string[];
  series: Series[];
  /** Per category, an extra value drawn as a line or label (expense ratio, GM%), when bound. */
  line?: { label: string; values: (number | null)[]; format?: string };
  /** Per category, a key that colours the bar (the region of a rep), when bound. */
  colors?: string[];
  /** Indices of series drawn dashed (a forecast beside its actuals), from `options.dashed`. */
  dashed?: number[];
  format?: string;
  problems: string[];
}

const SERIES_BINDINGS = {
  values: { role: 'grid', required: true, checked: true },
  rowLabels: { role: 'labels' },
  colLabels: { role: 'labels' },
  line: { role: 'cells', checked: true },
  colors: { role: 'labels' },
} as const satisfies KindBindings;

function opt<T>(item: LayoutItem, key: string): T | undefined {
  return item.options?.[key] as T | undefined;
}

function seriesOf(r: ResolvedBindings<typeof SERIES_BINDINGS>, dir: 'rows' | 'cols', item: LayoutItem, locale: Locale): SeriesData {
  const { values: grid, rowLabels, colLabels } = r.data;
  const nRows = grid.length;
  const nCols = maxOf(grid.map((row) => row.length), 0);
  const rowName = (i: number) => (rowLabels[i] !== undefined ? rowLabels[i] : grid[i]?.[0] ? grid[i][0].addr.replace(/^[A-Z]+/, '') : String(i + 1));
  const colName = (j: number) => (colLabels[j] !== undefined ? colLabels[j] : grid[0]?.[j] ? grid[0][j].addr.replace(/\d+$/, '') : String(j + 1));
  const nSeries = dir === 'rows' ? nRows : nCols;
  const nCats = dir === 'rows' ? nCols : nRows;
  const at = (s: number, c: number) => (dir === 'rows' ? grid[s]?.[c] : grid[c]?.[s]);
  const seriesLabels = opt<Bilingual[]>(item, 'seriesLabels');
  const categoryLabels = opt<Bilingual[]>(item, 'categoryLabels');
  const categories = Array.from({ length: nCats }, (_, c) =>
    categoryLabels?.[c] ? pickText(categoryLabels[c], locale) : dir === 'rows' ? colName(c) : rowName(c),
  );
  const series: Series[] = Array.from({ length: nSeries }, (_, s) => {
    const cells = Array.from({ length: nCats }, (_, c) => at(s, c)).filter((c): c is Cell => !!c);
    return {
      label: seriesLabels?.[s] ? pickText(seriesLabels[s], locale) : dir === 'rows' ? rowName(s) : colName(s),
      values: Array.from({ length: nCats }, (_, c) => toNumber(at(s, c)?.value)),
      cells,
    };
  });
  const out: SeriesData = { categories, series, format: r.formats.values, problems: r.problems };
  if (r.ref.line) {
    const cells = r.data.line;
    out.line = { label: pickText(opt<Bilingual>(item, 'lineLabel'), locale), values: categories.map((_, i) => toNumber(cells[i]?.value)), format: r.formats.line };
  }
  if (r.ref.colors) out.colors = r.data.colors;
  const dashed = opt<number[]>(item, 'dashed');
  if (dashed?.length) out.dashed = dashed;
  return out;
}

/** Sorts a one-series chart's categories by value, largest first (rep quotas). */
export function sortedByValue(data: SeriesData): SeriesData {
  const s = data.series[0];
  if (!s) return data;
  const order = data.categories.map((_, i) => i).sort((a, b) => (s.values[b] ?? -Infinity) - (s.values[a] ?? -Infinity));
  const pick = <T,>(xs: T[] | undefined) => xs && order.map((i) => xs[i]);
  return {
    ...data,
    categories: pick(data.categories)!,
    series: data.series.map((x) => ({ ...x, values: pick(x.values)!, cells: pick(x.cells)! })),
    line: data.line && { ...data.line, values: pick(data.line.values)! },
    colors: pick(data.colors),
  };
}

export const seriesModel = chartModel(SERIES_BINDINGS, (r, item, locale) => {
  const d = seriesOf(r, opt(item, 'series') === 'rows' ? 'rows' : 'cols', item, locale);
  return opt(item, 'sort') === 'desc' ? sortedByValue(d) : d;
});

export type PairedData = SeriesData & { groups: string[]; pair: string[] };

/**
 * Paired bars (FY2025 vs FY2026 of each group): the rows of `values` are the series, two per group
 * (`options.groups`), the pair named by `options.pair`.
 */
export const pairedModel = chartModel({ ...SERIES_BINDINGS, values: { ...SERIES_BINDINGS.values, join: 'rows' } }, (r, item, locale): PairedData => ({
  ...seriesOf(r, 'rows', item, locale),
  groups: (opt<Bilingual[]>(item, 'groups') ?? []).map((g) => pickText(g, locale)),
  pair: (opt<Bilingual[]>(item, 'pair') ?? []).map((g) => pickText(g, locale)),
}));
