/**
 * Parsing a file of actuals (region, product line, month, amount, and optionally the rep) for
 * G_Monthly: the CSV a CRM exports or Excel saves, in either language. A row naming a rep must name
 * a roster rep of that row's region; its amount counts for the region × line and for the rep.
 * Pure: the import dialog previews the result and applies it in one undoable step; a file with any
 * bad row is refused whole, each problem with its line number, so nothing half-imported ever lands
 * in the plan.
 */
import Papa from 'papaparse';
import { defineMessages } from '../i18n';

export interface ActualsLists {
  /** Region labels in list order (`华东 East`). */
  regions: readonly string[];
  /** Product-line keys in list order (`P1`). */
  products: readonly string[];
  fiscalYear: number;
  /**
   * The roster (names in roster order, each with the index of its region in `regions`, -1 when it
   * is none of them). Without it a `rep` column is not read (a plan with no rep actuals block).
   */
  reps?: readonly { name: string; region: number }[];
}

export interface ActualsProblem {
  /** 1-based line of the file. */
  line: number;
  /** A message key of this module (`actuals.*`), translated by the caller with `params`. */
  key: string;
  params: Record<string, string | number>;
}

export interface ParsedActuals {
  /** Data rows read (not counting the header). */
  rows: number;
  /** Sums by region × product line × month (0-based month), list order. */
  sums: number[][][];
  /** Whether each region × line × month cell had a row (what the apply replaces). */
  present: boolean[][][];
  /** Total per month (12). */
  monthTotals: number[];
  /** The latest month with a row (0 when none). */
  latestMonth: number;
  /** Whether the file has a rep column (read only when the lists have a roster). */
  repColumn: boolean;
  /** Data rows that named a rep. */
  repRows: number;
  /** Sums by rep × month (0-based month), roster order; empty without a rep column. */
  repSums: number[][];
  /** Whether each rep × month had a row. */
  repPresent: boolean[][];
}

export type ActualsResult = { ok: true; value: ParsedActuals } | { ok: false; problems: ActualsProblem[] };

type Column = 'region' | 'product' | 'month' | 'amount';
/** Header words per column, both languages, compared lower-cased without spaces. */
const HEADER_WORDS: Record<Column, string[]> = {
  region: ['region', 'area', '区域', '地区', '大区'],
  product: ['product', 'productline', 'line', '产品线', '产品'],
  month: ['month', 'period', '月份', '月'],
  amount: ['amount', 'actual', 'actuals', 'revenue', 'sales', 'value', '金额', '实际', '销售额', '收入'],
};

/** The optional rep column's header words (same comparison). */
const REP_WORDS = ['rep', 'salesrep', 'representative', 'salesperson', '代表', '销售代表', '销售员', '业务员'];

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Keys a label answers to: the full label and each language's part (`华东 East` → `华东`, `east`). */
function labelKeys(label: string): string[] {
  const full = norm(label);
  const m = /^(\S*[\u3000-\u9fff\uff00-\uffef]\S*)\s+(.+)$/.exec(full);
  return m ? [full, m[1], m[2]] : [full];
}

function indexOfLabels(labels: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  labels.forEach((l, i) => labelKeys(l).forEach((k) => (map.has(k) ? undefined : map.set(k, i))));
  return map;
}

/** A month of the fiscal year: `1`–`12`, or `YYYY-MM` (also `YYYY/MM`) of that year; 0 if not. */
export function parseMonth(raw: string, fiscalYear: number): number {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})$/.exec(s))) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : 0;
  }
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) {
    const n = Number(m[2]);
    return Number(m[1]) === fiscalYear && n >= 1 && n <= 12 ? n : 0;
  }
  return 0;
}

/** An amount: `1234.5`, `1,234.5`; with `;` as separator (European Excel) also `1234,5` and `1.234,5`. */
export function parseAmount(raw: string, semicolon: boolean): number | undefined {
  let s = raw.trim().replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  if (semicolon && /^-?[\d.]*,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function parseActualsCsv(text: string, lists: ActualsLists): ActualsResult {
  const body = text.replace(/^\uFEFF/, '');
  const records: { line: number; fields: string[] }[] = [];
  // A row's line: 1 + the line breaks before its first character (quoted fields may span lines).
  let counted = 0;
  let line = 1;
  let start = 0;
  let delimiter = ',';
  Papa.parse<string[]>(body, {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (r) => {
      delimiter = r.meta.delimiter;
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      for (; counted < start; counted++) if (body[counted] === '\n') line++;
      records.push({ line, fields: r.data });
      start = Math.max(start, r.meta.cursor);
    },
  });
  return parseActualsRecords(records, lists, delimiter === ';');
}

/** The rows of a file, each with its 1-based line, checked and added up (CSV and .xlsx alike). */
export function parseActualsRecords(records: { line: number; fields: string[] }[], lists: ActualsLists, decimalComma = false): ActualsResult {
  const data = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const problems: ActualsProblem[] = [];
  if (data.length === 0) return { ok: false, problems: [{ line: 1, key: 'actuals.empty', params: {} }] };

  const header = data[0];
  const cols: Partial<Record<Column, number>> = {};
  let repCol: number | undefined;
  header.fields.forEach((h, i) => {
    const w = norm(h).replace(/\s/g, '');
    for (const c of Object.keys(HEADER_WORDS) as Column[]) if (cols[c] === undefined && HEADER_WORDS[c].includes(w)) cols[c] = i;
    if (lists.reps && repCol === undefined && REP_WORDS.includes(w)) repCol = i;
  });
  const missing = (Object.keys(HEADER_WORDS) as Column[]).filter((c) => cols[c] === undefined);
  if (missing.length) return { ok: false, problems: [{ line: header.line, key: 'actuals.header', params: { missing: missing.join(', ') } }] };

  const regionIx = indexOfLabels(lists.regions);
  const productIx = indexOfLabels(lists.products);
  const R = lists.regions.length;
  const P = lists.products.length;
  const sums = Array.from({ length: R }, () => Array.from({ length: P }, () => new Array<number>(12).fill(0)));
  const present = Array.from({ length: R }, () => Array.from({ length: P }, () => new Array<boolean>(12).fill(false)));
  const cell = (r: { fields: string[] }, c: Column) => r.fields[cols[c]!] ?? '';
  const reps: readonly { name: string; region: number }[] = repCol === undefined ? [] : lists.reps ?? [];
  const repIx = indexOfLabels(reps.map((x) => x.name));
  const repSums = reps.map(() => new Array<number>(12).fill(0));
  const repPresent = reps.map(() => new Array<boolean>(12).fill(false));
  let repRows = 0;
  let latest = 0;
  for (const r of data.slice(1)) {
    const region = regionIx.get(norm(cell(r, 'region')));
    const product = productIx.get(norm(cell(r, 'product')));
    const month = parseMonth(cell(r, 'month'), lists.fiscalYear);
    const amount = parseAmount(cell(r, 'amount'), decimalComma);
    if (region === undefined) problems.push({ line: r.line, key: 'actuals.region', params: { value: cell(r, 'region') } });
    if (product === undefined) problems.push({ line: r.line, key: 'actuals.product', params: { value: cell(r, 'product') } });
    if (month === 0) problems.push({ line: r.line, key: 'actuals.month', params: { value: cell(r, 'month'), year: lists.fiscalYear } });
    if (amount === undefined) problems.push({ line: r.line, key: 'actuals.amount', params: { value: cell(r, 'amount') } });
    // The rep, when the row names one: a roster rep, of the row's region.
    const repText = repCol === undefined ? '' : (r.fields[repCol] ?? '').trim();
    const rep = repText === '' ? undefined : repIx.get(norm(repText));
    if (repText !== '' && rep === undefined) problems.push({ line: r.line, key: 'actuals.rep', params: { value: repText } });
    else if (rep !== undefined && region !== undefined && reps[rep].region !== region) {
      const home = lists.regions[reps[rep].region] ?? '—';
      problems.push({ line: r.line, key: 'actuals.repRegion', params: { value: repText, home, region: lists.regions[region] } });
    }
    if (region === undefined || product === undefined || month === 0 || amount === undefined) continue;
    sums[region][product][month - 1] += amount;
    present[region][product][month - 1] = true;
    if (rep !== undefined) {
      repSums[rep][month - 1] += amount;
      repPresent[rep][month - 1] = true;
      repRows++;
    }
    latest = Math.max(latest, month);
  }
  if (problems.length) return { ok: false, problems };
  const monthTotals = Array.from({ length: 12 }, (_x, m) => sums.reduce((s, reg) => s + reg.reduce((a, line) => a + line[m], 0), 0));
  return { ok: true, value: { rows: data.length - 1, sums, present, monthTotals, latestMonth: latest, repColumn: repCol !== undefined, repRows, repSums, repPresent } };
}

defineMessages({
  en: {
    'actuals.empty': 'Line {line}: the file is empty.',
    'actuals.notXlsx': 'Line {line}: the file cannot be read as an Excel workbook (.xlsx).',
    'actuals.header': 'Line {line}: the header must name the columns region, product line, month and amount, and may name a rep (missing: {missing}).',
    'actuals.region': 'Line {line}: unknown region “{value}”.',
    'actuals.product': 'Line {line}: unknown product line “{value}”.',
    'actuals.month': 'Line {line}: “{value}” is not a month (1–12 or {year}-MM).',
    'actuals.amount': 'Line {line}: “{value}” is not a number.',
    'actuals.rep': 'Line {line}: unknown rep “{value}” (not on the roster).',
    'actuals.repRegion': 'Line {line}: rep “{value}” belongs to {home}, not to {region}.',
  },
  'zh-CN': {
    'actuals.empty': '第 {line} 行：文件为空。',
    'actuals.notXlsx': '第 {line} 行：无法作为 Excel 工作簿（.xlsx）读取。',
    'actuals.header': '第 {line} 行：表头须包含 区域、产品线、月份、金额 四列，可另含 销售代表 列（缺少：{missing}）。',
    'actuals.region': '第 {line} 行：未知区域“{value}”。',
    'actuals.product': '第 {line} 行：未知产品线“{value}”。',
    'actuals.month': '第 {line} 行：“{value}”不是月份（1–12 或 {year}-MM）。',
    'actuals.amount': '第 {line} 行：“{value}”不是数字。',
    'actuals.rep': '第 {line} 行：未知销售代表“{value}”（不在名册中）。',
    'actuals.repRegion': '第 {line} 行：销售代表“{value}”属于{home}，不属于{region}。',
  },
});
