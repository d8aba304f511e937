/**
 * The notebook view's charts and KPI cards as pure data extraction: a layout item binds cell
 * ranges (`ranges`) and this module turns the cells behind them into what a chart draws —
 * waterfall steps with their running base, tornado bars ordered by swing, payout-curve vertices
 * from the curve's parameters (by the template's rule), stacked/grouped series, the four Ansoff tiles, TD-vs-BU rows.
 *
 * Nothing here knows about Plot, the DOM or Solid: values come through a `CellReader`, so the
 * same code runs on the app's reactive value store (a read inside a Solid memo tracks exactly the
 * cells a chart uses) and on the engine in unit tests.
 *
 * A range binding is `C5`, `C5:E9`, `Sheet!C5:E9`, a workbook name whose expression is a plain
 * reference (`TARGET_TOTAL` → `=B_Target!$G$45`), or a comma-separated list of those; a bare
 * reference is on the item's own sheet.
 */
import { forEachInRange, parseRange, splitSheetRef, toA1 } from './address';
import type { RangePos } from './address';
import { isCellError } from './cell';
import type { CellValue } from './cell';
import type { LayoutItem, Locale } from './notebook';
import { maxOf, minOf, pushAll } from './arrays';

import type { Bilingual } from './bilingual';
import { pickText } from './bilingual';

/** What extraction needs of a notebook: computed values, number formats and names. */
export interface CellReader {
  value(sheet: string, addr: string): CellValue | undefined;
  format(sheet: string, addr: string): string | undefined;
  /** The expression of a workbook-scope name (`=B_Target!$G$45`), if the notebook defines it. */
  nameExpression(name: string): string | undefined;
}

export interface Cell {
  sheet: string;
  addr: string;
  value: CellValue | undefined;
  format?: string;
}

// ---- labels ------------------------------------------------------------------------------

const HAN = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The template cells hold labels in both languages ("华东 East", "P1 血管介入耗材 Vascular
 * Intervention", "FY2025 实际 Actual"): keep the words of the UI language and the neutral tokens
 * (codes such as P1, FY2025, symbols). Text in one language only is returned as is.
 */
export function localizedLabel(text: string, locale: Locale): string {
  const tokens = text.trim().split(/\s+/);
  const kind = tokens.map((t) => (HAN.test(t) ? 'zh' : LATIN_WORD.test(t) && !/\d/.test(t) ? 'en' : 'both'));
  if (!kind.includes('zh') || !kind.includes('en')) return text.trim();
  const want = locale === 'en' ? 'en' : 'zh';
  return tokens.filter((_, i) => kind[i] === want || kind[i] === 'both').join(' ');
}

function cellLabel(c: Cell | undefined, locale: Locale): string {
  const v = c?.value;
  if (v === undefined || v === null) return '';
  if (isCellError(v)) return v.error;
  return localizedLabel(String(v), locale);
}

// ---- references ------------------------------------------------------------------------------

export interface ResolvedRange {
  sheet: string;
  range: RangePos;
}

const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** Splits a comma list, keeping commas inside quoted sheet names. */
function splitList(ref: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of ref) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The ranges a binding names, or null when any part of it is not a reference this view can read. */
export function resolveRange(ref: string | undefined, sheet: string, reader: Pick<CellReader, 'nameExpression'>, depth = 0): ResolvedRange[] | null {
  if (!ref || depth > 3) return null;
  const out: ResolvedRange[] = [];
  for (const part of splitList(ref)) {
    const { sheet: target, ref: local } = splitSheetRef(part);
    const range = parseRange(local);
    if (range) {
      out.push({ sheet: target ?? sheet, range });
      continue;
    }
    if (target === undefined && NAME.test(part)) {
      const expr = reader.nameExpression(part);
      const inner = expr?.startsWith('=') ? resolveRange(expr.slice(1), sheet, reader, depth + 1) : null;
      if (!inner) return null;
      pushAll(out, inner);
      continue;
    }
    return null;
  }
  return out.length ? out : null;
}

/** The cells of each range of a binding, row by row. */
export function readRanges(ref: string | undefined, sheet: string, reader: CellReader): Cell[][][] | null {
  const ranges = resolveRange(ref, sheet, reader);
  if (!ranges) return null;
  return ranges.map(({ sheet: s, range }) => {
    const rows: Cell[][] = [];
    forEachInRange(range, (p) => {
      const r = p.row - range.start.row;
      const addr = toA1(p);
      (rows[r] ??= []).push({ sheet: s, addr, value: reader.value(s, addr), format: reader.format(s, addr) });
    });
    return rows;
  });
}

/** Every cell of a binding in reading order (ranges one after another, each row by row). */
export function readVector(ref: string | undefined, sheet: string, reader: CellReader): Cell[] {
  return (readRanges(ref, sheet, reader) ?? []).flatMap((rows) => rows.flat());
}

/** The first cell of a binding (a KPI, a parameter). */
export function readOne(ref: string | undefined, sheet: string, reader: CellReader): Cell | undefined {
  return readRanges(ref, sheet, reader)?.[0]?.[0]?.[0];
}

/**
 * A binding as one grid. The ranges of a list are joined along `join`: `'rows'` puts them one
 * under the other (`C38:E40,C44:E45` → 5 rows), `'cols'` side by side (`F23:F34,O23:O34` → 2 columns).
 */
export function readGrid(ref: string | undefined, sheet: string, reader: CellReader, join: 'rows' | 'cols'): Cell[][] {
  const parts = readRanges(ref, sheet, reader) ?? [];
  if (join === 'rows') return parts.flat();
  const grid: Cell[][] = [];
  for (const part of parts) part.forEach((row, i) => pushAll((grid[i] ??= []), row));
  return grid;
}

export function toNumber(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `Sheet!A1` of cells that hold an error, so a chart can say which input is broken. */
function problemsOf(cells: (Cell | undefined)[]): string[] {
  return cells.filter((c): c is Cell => !!c && isCellError(c.value)).map((c) => `${c.sheet}!${c.addr} ${(c.value as { error: string }).error}`);
}

function firstFormat(cells: (Cell | undefined)[]): string | undefined {
  return cells.find((c) => c && typeof c.value === 'number' && c.format)?.format;
}

function opt<T>(item: LayoutItem, key: string): T | undefined {
  return item.options?.[key] as T | undefined;
}

// ---- KPI -------------------------------------------------------------------------------------

export interface KpiData {
  /** The `data-kpi` key: the name as bound (`TARGET_TOTAL`) or `Sheet!A1`. */
  key: string;
  cell?: Cell;
}

export function kpiData(item: LayoutItem, reader: CellReader): KpiData {
  const ref = item.ranges.value ?? '';
  const cell = readOne(ref, item.sheet, reader);
  const isName = NAME.test(ref) && !parseRange(ref);
  return { key: isName ? ref : cell ? `${cell.sheet}!${cell.addr}` : ref, cell };
}

// ---- series (bar, stacked bar, grouped bar, line) ----------------------------------------------

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

/**
 * `ranges.values` (+ `rowLabels`, `colLabels`, optional `line`, `colors`); `options.series` says
 * whether each row (`'rows'`) or each column (`'cols'`, default) is a series. `options.seriesLabels`
 * and `options.categoryLabels` (bilingual) override labels read from cells.
 */
export function seriesData(item: LayoutItem, reader: CellReader, locale: Locale): SeriesData {
  const dir = opt<'rows' | 'cols'>(item, 'series') ?? 'cols';
  const grid = readGrid(item.ranges.values, item.sheet, reader, dir === 'rows' ? 'rows' : 'cols');
  const rowLabels = readVector(item.ranges.rowLabels, item.sheet, reader);
  const colLabels = readVector(item.ranges.colLabels, item.sheet, reader);
  const nRows = grid.length;
  const nCols = maxOf(grid.map((r) => r.length), 0);
  const rowName = (i: number) => (rowLabels[i] ? cellLabel(rowLabels[i], locale) : grid[i]?.[0] ? grid[i][0].addr.replace(/^[A-Z]+/, '') : String(i + 1));
  const colName = (j: number) => (colLabels[j] ? cellLabel(colLabels[j], locale) : grid[0]?.[j] ? grid[0][j].addr.replace(/\d+$/, '') : String(j + 1));
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
  const all = grid.flat();
  const out: SeriesData = { categories, series, format: firstFormat(all), problems: problemsOf(all) };
  if (item.ranges.line) {
    const cells = readVector(item.ranges.line, item.sheet, reader);
    out.line = { label: pickText(opt<Bilingual>(item, 'lineLabel'), locale), values: categories.map((_, i) => toNumber(cells[i]?.value)), format: firstFormat(cells) };
    pushAll(out.problems, problemsOf(cells));
  }
  if (item.ranges.colors) out.colors = readVector(item.ranges.colors, item.sheet, reader).map((c) => cellLabel(c, locale));
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

// ---- waterfall -----------------------------------------------------------------------------------

export type StepKind = 'total' | 'delta';

export interface WaterfallStep {
  label: string;
  kind: StepKind;
  /** The running base the bar starts from (0 for a total). */
  start: number;
  end: number;
  value: number;
  cell?: Cell;
}

export interface WaterfallData {
  steps: WaterfallStep[];
  /** Last total minus the running sum that leads to it: 0 when the bridge reconciles. */
  balance: number;
  format?: string;
  problems: string[];
}

/** Steps with their running base: a total resets the base to its value, a delta moves it. */
export function waterfallSteps(rows: { label: string; value: number; kind: StepKind; cell?: Cell }[]): { steps: WaterfallStep[]; balance: number } {
  let running = 0;
  let balance = 0;
  const steps = rows.map((r, i) => {
    if (r.kind === 'total') {
      if (i > 0) balance = r.value - running;
      running = r.value;
      return { label: r.label, kind: r.kind, start: 0, end: r.value, value: r.value, cell: r.cell };
    }
    const start = running;
    running += r.value;
    return { label: r.label, kind: r.kind, start, end: running, value: r.value, cell: r.cell };
  });
  return { steps, balance };
}

/**
 * `ranges.values` + `labels` (+ `types`: cells reading `total`/`delta`), optionally between
 * `ranges.start` and `ranges.end` totals (labelled by `options.startLabel`/`endLabel`). Without
 * types or start/end, the first value is the starting total and a closing total is computed.
 */
export function waterfallData(item: LayoutItem, reader: CellReader, locale: Locale): WaterfallData {
  const values = readVector(item.ranges.values, item.sheet, reader);
  const labels = readVector(item.ranges.labels, item.sheet, reader);
  const types = readVector(item.ranges.types, item.sheet, reader);
  const start = readOne(item.ranges.start, item.sheet, reader);
  const end = readOne(item.ranges.end, item.sheet, reader);
  const explicit = item.ranges.types !== undefined;
  const rows: { label: string; value: number; kind: StepKind; cell?: Cell }[] = [];
  if (start) rows.push({ label: pickText(opt<Bilingual>(item, 'startLabel'), locale) || cellLabel(start, locale), value: toNumber(start.value) ?? 0, kind: 'total', cell: start });
  values.forEach((c, i) => {
    const typed = String(types[i]?.value ?? '').trim().toLowerCase();
    const kind: StepKind = explicit ? (typed === 'total' ? 'total' : 'delta') : !start && i === 0 ? 'total' : 'delta';
    rows.push({ label: labels[i] ? cellLabel(labels[i], locale) : c.addr, value: toNumber(c.value) ?? 0, kind, cell: c });
  });
  if (end) rows.push({ label: pickText(opt<Bilingual>(item, 'endLabel'), locale) || cellLabel(end, locale), value: toNumber(end.value) ?? 0, kind: 'total', cell: end });
  const { steps, balance } = waterfallSteps(rows);
  if (!explicit && !end && steps.length > 1) {
    const last = steps[steps.length - 1].end;
    steps.push({ label: pickText(opt<Bilingual>(item, 'endLabel'), locale) || 'Σ', kind: 'total', start: 0, end: last, value: last });
  }
  const cells = [start, end, ...values];
  return { steps, balance, format: firstFormat(cells), problems: problemsOf(cells) };
}

// ---- tornado -------------------------------------------------------------------------------------

export interface TornadoChartBar {
  label: string;
  low: number;
  high: number;
  swing: number;
  /** The input's ±Δ, for the label (e.g. "±10%"). */
  delta?: Cell;
}

export interface TornadoData {
  base: number;
  /** Largest swing first. */
  bars: TornadoChartBar[];
  format?: string;
  problems: string[];
}

/** `ranges.labels`, `low` (result at −Δ), `high` (+Δ), `swing` (else |high − low|), `base`, optional `delta`. */
export function tornadoData(item: LayoutItem, reader: CellReader, locale: Locale): TornadoData {
  const labels = readVector(item.ranges.labels, item.sheet, reader);
  const low = readVector(item.ranges.low, item.sheet, reader);
  const high = readVector(item.ranges.high, item.sheet, reader);
  const swing = readVector(item.ranges.swing, item.sheet, reader);
  const delta = readVector(item.ranges.delta, item.sheet, reader);
  const base = readOne(item.ranges.base, item.sheet, reader);
  const bars = low.map((c, i) => {
    const lo = toNumber(c.value) ?? 0;
    const hi = toNumber(high[i]?.value) ?? 0;
    return { label: cellLabel(labels[i], locale) || c.addr, low: lo, high: hi, swing: toNumber(swing[i]?.value) ?? Math.abs(hi - lo), delta: delta[i] };
  });
  // Stable: equal swings keep the sheet's order.
  const order = bars.map((b, i) => ({ b, i })).sort((x, y) => y.b.swing - x.b.swing || x.i - y.i).map((x) => x.b);
  const cells = [base, ...low, ...high];
  return { base: toNumber(base?.value) ?? 0, bars: order, format: firstFormat(cells), problems: problemsOf([...cells, ...swing]) };
}

// ---- payout curve ------------------------------------------------------------------------------

/** The curve's parameters, as the bonus sheet holds them. */
export interface PayoutParams {
  threshold: number;
  atThreshold: number;
  target: number;
  accel: number;
  cap: number;
  slopeLow: number;
}

/**
 * The payout rule itself belongs to the template that writes its formula
 * (`templates/generators/payoutRule.ts`); the chart kind hands it in.
 */
export interface PayoutRule {
  /** The curve's vertices over [xMin, xMax]. */
  curve(p: PayoutParams, xMin: number, xMax: number): { x: number; y: number }[];
  /** Attainment from which the cap binds, or undefined. */
  capAt(p: PayoutParams): number | undefined;
}

export interface PayoutData {
  params: PayoutParams;
  curve: { x: number; y: number }[];
  /** The sheet's own curve table (the item's `tableX`/`tableY`), drawn as small markers. */
  table: { x: number; y: number }[];
  reps: { label: string; x: number; y: number }[];
  capAt?: number;
  xMin: number;
  xMax: number;
  format?: string;
  problems: string[];
}

/**
 * `ranges.threshold, atThreshold, target, accel, cap` (+ `slopeLow`, else derived), optional
 * `tableX`/`tableY` (the sheet's sample points) and `repX`/`repY`/`repLabels` (reps as dots).
 */
export function payoutData(item: LayoutItem, reader: CellReader, locale: Locale, rule: PayoutRule): PayoutData {
  const one = (k: string) => readOne(item.ranges[k], item.sheet, reader);
  const cells = ['threshold', 'atThreshold', 'target', 'accel', 'cap', 'slopeLow'].map(one);
  const [threshold, atThreshold, target, accel, cap] = cells.map((c) => toNumber(c?.value) ?? 0);
  const derived = target !== threshold ? (target - atThreshold) / (target - threshold) : 0;
  const params: PayoutParams = { threshold, atThreshold, target, accel, cap, slopeLow: toNumber(cells[5]?.value) ?? derived };
  const pairs = (xs: Cell[], ys: Cell[]) =>
    xs.flatMap((c, i) => {
      const x = toNumber(c.value);
      const y = toNumber(ys[i]?.value);
      return x === null || y === null ? [] : [{ x, y, i }];
    });
  const table = pairs(readVector(item.ranges.tableX, item.sheet, reader), readVector(item.ranges.tableY, item.sheet, reader)).map(({ x, y }) => ({ x, y }));
  const repLabels = readVector(item.ranges.repLabels, item.sheet, reader);
  const repX = readVector(item.ranges.repX, item.sheet, reader);
  const repY = readVector(item.ranges.repY, item.sheet, reader);
  const reps = pairs(repX, repY).map(({ x, y, i }) => ({ label: cellLabel(repLabels[i], locale), x, y }));
  const capAt = rule.capAt(params);
  const xs = [...table.map((t) => t.x), ...reps.map((r) => r.x)];
  const xMin = minOf(xs, Math.min(0.5, threshold - 0.1));
  const xMax = Math.max(1.7, (capAt ?? 0) + 0.2, ...xs);
  return {
    params,
    curve: rule.curve(params, xMin, xMax),
    table,
    reps,
    capAt,
    xMin,
    xMax,
    format: cells[0]?.format,
    problems: problemsOf([...cells, ...repX, ...repY]),
  };
}

// ---- Ansoff grid -------------------------------------------------------------------------------

export interface AnsoffTile {
  label: string;
  /** 0 = existing products (top), 1 = new products; 0 = existing markets (left), 1 = new markets. */
  row: 0 | 1;
  col: 0 | 1;
  planned: number;
  share: number;
  cost: number;
  riskAdj: number;
  prob: number;
  risk: string;
  cells: Record<string, Cell | undefined>;
}

const TILE_FIELDS = ['planned', 'share', 'cost', 'riskAdj', 'prob'] as const;

/**
 * The quadrant table (C_Ansoff rows 55–58) in the order of the quadrant lookup (C11:C14):
 * penetration (existing|existing), market development (existing|new), product development
 * (new|existing), diversification (new|new). `ranges.labels, planned, share, cost, riskAdj, prob, risk`.
 */
export function ansoffTiles(item: LayoutItem, reader: CellReader, locale: Locale): { tiles: AnsoffTile[]; formats: Record<string, string | undefined>; problems: string[] } {
  const col = (k: string) => readVector(item.ranges[k], item.sheet, reader);
  const labels = col('labels');
  const risk = col('risk');
  const fields = Object.fromEntries(TILE_FIELDS.map((k) => [k, col(k)])) as Record<(typeof TILE_FIELDS)[number], Cell[]>;
  const tiles = [0, 1, 2, 3].map((i) => ({
    label: cellLabel(labels[i], locale),
    row: (i >> 1) as 0 | 1,
    col: (i & 1) as 0 | 1,
    planned: toNumber(fields.planned[i]?.value) ?? 0,
    share: toNumber(fields.share[i]?.value) ?? 0,
    cost: toNumber(fields.cost[i]?.value) ?? 0,
    riskAdj: toNumber(fields.riskAdj[i]?.value) ?? 0,
    prob: toNumber(fields.prob[i]?.value) ?? 0,
    risk: cellLabel(risk[i], locale),
    cells: Object.fromEntries(TILE_FIELDS.map((k) => [k, fields[k][i]])),
  }));
  const formats = Object.fromEntries(TILE_FIELDS.map((k) => [k, firstFormat(fields[k])]));
  return { tiles, formats, problems: problemsOf(Object.values(fields).flat()) };
}

// ---- top-down vs bottom-up -------------------------------------------------------------------------

export interface TdBuRow {
  label: string;
  td: number;
  bu: number;
  dev: number;
  /** |deviation| above the alert band. */
  alert: boolean;
}

/** `ranges.labels, td, bu, dev` (else BU/TD − 1) and `band` (the ± alert threshold, e.g. ALERT_DEV). */
export function tdBuData(item: LayoutItem, reader: CellReader, locale: Locale): { rows: TdBuRow[]; band: number; format?: string; devFormat?: string; problems: string[] } {
  const labels = readVector(item.ranges.labels, item.sheet, reader);
  const td = readVector(item.ranges.td, item.sheet, reader);
  const bu = readVector(item.ranges.bu, item.sheet, reader);
  const dev = readVector(item.ranges.dev, item.sheet, reader);
  const band = toNumber(readOne(item.ranges.band, item.sheet, reader)?.value) ?? 0;
  const rows = td.map((c, i) => {
    const t = toNumber(c.value) ?? 0;
    const b = toNumber(bu[i]?.value) ?? 0;
    const d = toNumber(dev[i]?.value) ?? (t === 0 ? 0 : b / t - 1);
    return { label: cellLabel(labels[i], locale) || c.addr, td: t, bu: b, dev: d, alert: band > 0 && Math.abs(d) > band };
  });
  return { rows, band, format: firstFormat([...td, ...bu]), devFormat: firstFormat(dev), problems: problemsOf([...td, ...bu, ...dev]) };
}

// ---- bullet (projected vs budget vs target) ------------------------------------------------------

export interface BulletData {
  value: number;
  budget: number;
  target: number;
  format?: string;
  problems: string[];
}

/** `ranges.value` (projected payout), `budget`, `target` (Σ target incentive). */
export function bulletData(item: LayoutItem, reader: CellReader): BulletData {
  const [value, budget, target] = ['value', 'budget', 'target'].map((k) => readOne(item.ranges[k], item.sheet, reader));
  return {
    value: toNumber(value?.value) ?? 0,
    budget: toNumber(budget?.value) ?? 0,
    target: toNumber(target?.value) ?? 0,
    format: firstFormat([value, budget, target]),
    problems: problemsOf([value, budget, target]),
  };
}

// ---- a user's own chart ------------------------------------------------------------------------

/**
 * Bindings for a chart made from a selected range: a first row of text becomes the series
 * names, a first column of text the category labels, the rest the values (series in columns).
 */
export function tableRanges(ref: string, sheet: string, reader: CellReader): Record<string, string> | null {
  const resolved = resolveRange(ref, sheet, reader);
  if (!resolved || resolved.length !== 1) return null;
  const { sheet: s, range } = resolved[0];
  const prefix = s === sheet ? '' : `${s.includes(' ') ? `'${s}'` : s}!`;
  const isText = (row: number, col: number) => {
    const v = reader.value(s, toA1({ row, col }));
    return typeof v === 'string';
  };
  const { start, end } = range;
  let headerRow = false;
  for (let c = start.col + 1; c <= end.col; c++) if (isText(start.row, c)) headerRow = true;
  if (end.col === start.col && isText(start.row, start.col) && end.row > start.row) headerRow = true;
  let labelCol = false;
  for (let r = start.row + (headerRow ? 1 : 0); r <= end.row; r++) if (isText(r, start.col)) labelCol = true;
  if (end.col === start.col) labelCol = false;
  const v0 = { row: start.row + (headerRow ? 1 : 0), col: start.col + (labelCol ? 1 : 0) };
  if (v0.row > end.row || v0.col > end.col) return null;
  const a1 = (a: { row: number; col: number }, b: { row: number; col: number }) => prefix + (toA1(a) === toA1(b) ? toA1(a) : `${toA1(a)}:${toA1(b)}`);
  const out: Record<string, string> = { values: a1(v0, end) };
  if (labelCol) out.rowLabels = a1({ row: v0.row, col: start.col }, { row: end.row, col: start.col });
  if (headerRow) out.colLabels = a1({ row: start.row, col: v0.col }, { row: start.row, col: end.col });
  return out;
}

/** The items shown on a sheet, in layout order. */
export function itemsOfSheet(items: readonly LayoutItem[], sheet: string): LayoutItem[] {
  const lower = sheet.toLowerCase();
  return items.filter((i) => i.sheet.toLowerCase() === lower);
}
