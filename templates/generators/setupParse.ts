/**
 * The setup dialog's and the Structure panel's fields as text (what a consultant types or pastes
 * from Excel) → a `ClientShape`, or every problem found, each tied to its field and line so the
 * dialog can show it where it is. Pure: no UI, no engine. Messages are codes with parameters
 * (`setup.err.<code>`, translated in `src/ui/clientPlan/messages.ts`).
 *
 * Line formats (tab-separated, as Excel copies cells): products `name` or `name⇥new`; regions
 * `name`; levels `name⇥OTE⇥base salary`; reps `name⇥region⇥level`; accounts
 * `rep⇥account⇥last-year revenue`; history and potential a region × line grid whose first row
 * names the lines with history (an empty corner cell is allowed) and whose rows start with the
 * region; history-prior two rows, each `year label⇥value per line with history`.
 */
import type { Locale } from '../../src/model/notebook';
import type { ClientShape, KeyAccount, Level, MoneyUnit, ProductLine, Rep } from './shape';
import { managerLevel, planProducts, SHAPE_LIMITS } from './shape';

export const SETUP_FIELDS = [
  'client',
  'year',
  'unit',
  'language',
  'products',
  'regions',
  'levels',
  'reps',
  'history',
  'history-prior',
  'potential',
  'accounts',
] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];

/** The list fields the Structure panel edits (same line formats as the dialog). */
export const STRUCTURE_LISTS = ['products', 'regions', 'levels', 'reps'] as const;
export type StructureList = (typeof STRUCTURE_LISTS)[number];

export type SetupFields = Record<SetupField, string>;

export type SetupErrorCode =
  | 'required'
  | 'tooLong'
  | 'formulaText'
  | 'badYear'
  | 'badUnit'
  | 'badLanguage'
  | 'tooFew'
  | 'tooMany'
  | 'duplicate'
  | 'columns'
  | 'notNumber'
  | 'negative'
  | 'baseAboveOte'
  | 'otePositive'
  | 'badNewFlag'
  | 'noHistoryLine'
  | 'unknownRegion'
  | 'unknownLevel'
  | 'managerLevel'
  | 'unknownRep'
  | 'regionWithoutRep'
  | 'gridHeader'
  | 'gridMissingLine'
  | 'gridUnknownLine'
  | 'gridMissingRegion'
  | 'gridUnknownRegion'
  | 'priorRows';

export interface SetupError {
  field: SetupField;
  /** 1-based line in the field's text; absent for a problem of the field as a whole. */
  line?: number;
  code: SetupErrorCode;
  params?: Record<string, string | number>;
}

export type ParseResult = { ok: true; shape: ClientShape } | { ok: false; errors: SetupError[] };

/** Longest name of a line, region, level, rep or account (a cell label, not an essay). */
export const MAX_NAME_LENGTH = 80;
export const MAX_CLIENT_LENGTH = 120;
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;
const UNITS: readonly MoneyUnit[] = ['元', '千元', '万元'];
/** What marks a product line as new in its second column (either language, any case). */
const NEW_FLAGS = ['new', '新', '新品', '是', 'yes', 'y', '1', 'true'];
const OLD_FLAGS = ['', 'old', 'existing', '现有', '否', 'no', 'n', '0', 'false'];

interface Line {
  /** 1-based line number in the field. */
  n: number;
  cells: string[];
}

/** Non-blank lines of a field, split at tabs, cells trimmed; line numbers count the blank ones too. */
export function splitLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ n: i + 1, cells: raw.split('\t').map((c) => c.trim()) }))
    .filter((l) => l.cells.some((c) => c !== ''));
}

/**
 * A number as Excel shows it when copied: `1234.5`, `1,234.5`, ` 12 `, `-3`, `12%` (→ 0.12).
 * Blank is 0, as an empty cell in Excel. `null` for anything else.
 */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/[,\s\u00a0]/g, '');
  if (s === '') return 0;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s) * scale;
  return Number.isFinite(v) ? v : null;
}

class Collector {
  errors: SetupError[] = [];
  add(field: SetupField, code: SetupErrorCode, line?: number, params?: Record<string, string | number>) {
    const e: SetupError = { field, code };
    if (line !== undefined) e.line = line;
    if (params) e.params = params;
    this.errors.push(e);
  }
  has(field: SetupField) {
    return this.errors.some((e) => e.field === field);
  }
}

/** A name cell: present, not too long, not something the grid would read as a formula. */
function checkName(c: Collector, field: SetupField, line: number, name: string): boolean {
  if (name === '') {
    c.add(field, 'required', line);
    return false;
  }
  if (name.length > MAX_NAME_LENGTH) {
    c.add(field, 'tooLong', line, { max: MAX_NAME_LENGTH });
    return false;
  }
  if (/^[=+\-@]/.test(name)) {
    c.add(field, 'formulaText', line, { name });
    return false;
  }
  return true;
}

/** Duplicate names (case-insensitive, as MATCH and SUMIF compare them) on the lines after the first. */
function checkDuplicates(c: Collector, field: SetupField, items: { n: number; name: string }[]): void {
  const seen = new Map<string, number>();
  for (const it of items) {
    const k = it.name.toLowerCase();
    const first = seen.get(k);
    if (first !== undefined) c.add(field, 'duplicate', it.n, { name: it.name, first });
    else seen.set(k, it.n);
  }
}

function checkCount(c: Collector, field: SetupField, count: number, limits: { min: number; max: number }): void {
  if (count < limits.min) c.add(field, count === 0 ? 'required' : 'tooFew', undefined, { min: limits.min });
  else if (count > limits.max) c.add(field, 'tooMany', undefined, { max: limits.max, count });
}

function checkColumns(c: Collector, field: SetupField, l: Line, min: number, max: number, format: string): boolean {
  const used = trimTrailing(l.cells);
  if (used.length < min || used.length > max) {
    c.add(field, 'columns', l.n, { format, count: used.length });
    return false;
  }
  return true;
}

function trimTrailing(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

export function parseProducts(text: string, c: Collector = new Collector()): ProductLine[] {
  const out: { n: number; name: string; isNew: boolean }[] = [];
  for (const l of splitLines(text)) {
    if (!checkColumns(c, 'products', l, 1, 2, 'name⇥new')) continue;
    const [name, flag = ''] = l.cells;
    if (!checkName(c, 'products', l.n, name)) continue;
    const f = flag.toLowerCase();
    if (!NEW_FLAGS.includes(f) && !OLD_FLAGS.includes(f)) {
      c.add('products', 'badNewFlag', l.n, { value: flag });
      continue;
    }
    out.push({ n: l.n, name, isNew: NEW_FLAGS.includes(f) });
  }
  checkDuplicates(c, 'products', out);
  checkCount(c, 'products', out.length, SHAPE_LIMITS.products);
  if (out.length > 0 && out.every((p) => p.isNew)) c.add('products', 'noHistoryLine');
  return out.map(({ name, isNew }) => ({ name, isNew }));
}

export function parseRegions(text: string, c: Collector = new Collector()): string[] {
  const out: { n: number; name: string }[] = [];
  for (const l of splitLines(text)) {
    if (!checkColumns(c, 'regions', l, 1, 1, 'name')) continue;
    if (checkName(c, 'regions', l.n, l.cells[0])) out.push({ n: l.n, name: l.cells[0] });
  }
  checkDuplicates(c, 'regions', out);
  checkCount(c, 'regions', out.length, SHAPE_LIMITS.regions);
  return out.map((r) => r.name);
}

export function parseLevels(text: string, c: Collector = new Collector()): Level[] {
  const out: (Level & { n: number })[] = [];
  for (const l of splitLines(text)) {
    if (!checkColumns(c, 'levels', l, 3, 3, 'name⇥OTE⇥base')) continue;
    const [name, oteText, baseText] = l.cells;
    if (!checkName(c, 'levels', l.n, name)) continue;
    const ote = parseNumber(oteText);
    const base = parseNumber(baseText);
    if (ote === null || base === null) {
      c.add('levels', 'notNumber', l.n, { value: ote === null ? oteText : baseText });
      continue;
    }
    if (ote <= 0) {
      c.add('levels', 'otePositive', l.n);
      continue;
    }
    if (base < 0) {
      c.add('levels', 'negative', l.n, { value: baseText });
      continue;
    }
    if (base > ote) {
      c.add('levels', 'baseAboveOte', l.n, { base, ote });
      continue;
    }
    out.push({ n: l.n, name, ote, base });
  }
  checkDuplicates(c, 'levels', out);
  checkCount(c, 'levels', out.length, SHAPE_LIMITS.levels);
  return out.map(({ name, ote, base }) => ({ name, ote, base }));
}

/**
 * The roster, against the regions and levels (matched case-insensitively, written as listed
 * there). With more than one level the last is the regional managers' — one per region, not in
 * the roster — so a rep at that level is refused.
 */
export function parseReps(
  text: string,
  regions: readonly string[],
  levels: readonly Level[],
  c: Collector = new Collector(),
  /** Whether the region and level lists are right (else a rep pointing at a bad entry is not blamed twice). */
  trusted = { regions: true, levels: true },
): Rep[] {
  const regionBy = new Map(regions.map((r) => [r.toLowerCase(), r]));
  const levelBy = new Map(levels.map((l) => [l.name.toLowerCase(), l.name]));
  const manager = levels.length > 1 ? managerLevel({ levels: [...levels] }).name : null;
  const out: (Rep & { n: number })[] = [];
  for (const l of splitLines(text)) {
    if (!checkColumns(c, 'reps', l, 3, 3, 'name⇥region⇥level')) continue;
    const [name, regionText, levelText] = l.cells;
    if (!checkName(c, 'reps', l.n, name)) continue;
    const region = regionBy.get(regionText.toLowerCase());
    const level = levelBy.get(levelText.toLowerCase());
    if (!region) {
      if (trusted.regions) c.add('reps', 'unknownRegion', l.n, { name: regionText, known: regions.join(', ') });
      continue;
    }
    if (!level) {
      if (trusted.levels) c.add('reps', 'unknownLevel', l.n, { name: levelText, known: levels.map((x) => x.name).join(', ') });
      continue;
    }
    if (level === manager) {
      c.add('reps', 'managerLevel', l.n, { name: level });
      continue;
    }
    out.push({ n: l.n, name, region, level });
  }
  checkDuplicates(c, 'reps', out);
  if (trusted.regions && trusted.levels) checkCount(c, 'reps', out.length, SHAPE_LIMITS.reps);
  if (!c.has('reps') && trusted.regions && trusted.levels) {
    const staffed = new Set(out.map((r) => r.region));
    const empty = regions.filter((r) => !staffed.has(r));
    if (empty.length > 0) c.add('reps', 'regionWithoutRep', undefined, { names: empty.join(', ') });
  }
  return out.map(({ name, region, level }) => ({ name, region, level }));
}

/**
 * A region × line grid (history, potential): header row of line names, then a row per region.
 * Returns the values in the shape's order (regions down × lines with history across), or
 * undefined when the field is blank (optional) or wrong.
 */
export function parseRegionGrid(
  field: 'history' | 'potential',
  text: string,
  regions: readonly string[],
  lines: readonly string[],
  c: Collector = new Collector(),
): number[][] | undefined {
  const rows = splitLines(text);
  if (rows.length === 0) return undefined;
  const before = c.errors.length;
  const [head, ...body] = rows;
  // The header may start with an empty corner cell (the region column's heading) or a label.
  let header = trimTrailing(head.cells);
  const lineBy = new Map(lines.map((x, i) => [x.toLowerCase(), i]));
  if (header.length > 0 && !lineBy.has(header[0].toLowerCase())) header = header.slice(1);
  if (header.length === 0) {
    c.add(field, 'gridHeader', head.n);
    return undefined;
  }
  const colOf: number[] = [];
  header.forEach((name) => {
    const k = lineBy.get(name.toLowerCase());
    if (k === undefined) c.add(field, 'gridUnknownLine', head.n, { name, known: lines.join(', ') });
    else if (colOf.includes(k)) c.add(field, 'duplicate', head.n, { name, first: head.n });
    colOf.push(k ?? -1);
  });
  const missingLines = lines.filter((_x, i) => !colOf.includes(i));
  if (missingLines.length > 0) c.add(field, 'gridMissingLine', head.n, { names: missingLines.join(', ') });
  const regionBy = new Map(regions.map((r, i) => [r.toLowerCase(), i]));
  const out: (number[] | undefined)[] = regions.map(() => undefined);
  const seenAt = new Map<number, number>();
  for (const row of body) {
    const [name, ...values] = row.cells;
    const r = regionBy.get(name.toLowerCase());
    if (r === undefined) {
      c.add(field, 'gridUnknownRegion', row.n, { name, known: regions.join(', ') });
      continue;
    }
    if (seenAt.has(r)) {
      c.add(field, 'duplicate', row.n, { name, first: seenAt.get(r)! });
      continue;
    }
    seenAt.set(r, row.n);
    if (trimTrailing(values).length > header.length) {
      c.add(field, 'columns', row.n, { format: `region⇥${header.join('⇥')}`, count: row.cells.length });
      continue;
    }
    const vals = lines.map(() => 0);
    let bad = false;
    header.forEach((_h, j) => {
      const v = parseNumber(values[j] ?? '');
      if (v === null) {
        c.add(field, 'notNumber', row.n, { value: values[j] });
        bad = true;
      } else if (v < 0) {
        c.add(field, 'negative', row.n, { value: values[j] });
        bad = true;
      } else if (colOf[j] >= 0) vals[colOf[j]] = v;
    });
    if (!bad) out[r] = vals;
  }
  const missing = regions.filter((_x, i) => !seenAt.has(i));
  if (missing.length > 0) c.add(field, 'gridMissingRegion', undefined, { names: missing.join(', ') });
  if (c.errors.length > before) return undefined;
  return out as number[][];
}

/** Two rows `label⇥value per line with history` (an optional header row of line names first). */
export function parseHistoryPrior(text: string, lines: readonly string[], c: Collector = new Collector()): { label: string; values: number[] }[] | undefined {
  let rows = splitLines(text);
  if (rows.length === 0) return undefined;
  const before = c.errors.length;
  const isHeader = (l: Line) => l.cells[0] === '' || l.cells.slice(1).some((x) => lines.some((n) => n.toLowerCase() === x.toLowerCase()));
  if (rows.length === 3 && isHeader(rows[0])) rows = rows.slice(1);
  if (rows.length !== 2) {
    c.add('history-prior', 'priorRows', undefined, { count: rows.length });
    return undefined;
  }
  const out: { label: string; values: number[] }[] = [];
  for (const row of rows) {
    const [label, ...values] = trimTrailing(row.cells);
    if (!checkName(c, 'history-prior', row.n, label ?? '')) continue;
    if (values.length > lines.length) {
      c.add('history-prior', 'columns', row.n, { format: `FY⇥${lines.join('⇥')}`, count: values.length + 1 });
      continue;
    }
    const vals: number[] = [];
    lines.forEach((_x, j) => {
      const v = parseNumber(values[j] ?? '');
      if (v === null) c.add('history-prior', 'notNumber', row.n, { value: values[j] });
      else if (v < 0) c.add('history-prior', 'negative', row.n, { value: values[j] });
      vals.push(v ?? 0);
    });
    out.push({ label, values: vals });
  }
  checkDuplicates(c, 'history-prior', rows.map((r, i) => ({ n: r.n, name: out[i]?.label ?? `#${i}` })));
  return c.errors.length > before ? undefined : out;
}

export function parseAccounts(text: string, reps: readonly Rep[], c: Collector = new Collector()): KeyAccount[] | undefined {
  const rows = splitLines(text);
  if (rows.length === 0) return undefined;
  const repBy = new Map(reps.map((r) => [r.name.toLowerCase(), r.name]));
  const out: (KeyAccount & { n: number; name: string })[] = [];
  for (const l of rows) {
    if (!checkColumns(c, 'accounts', l, 3, 3, 'rep⇥account⇥revenue')) continue;
    const [repText, account, revText] = l.cells;
    const rep = repBy.get(repText.toLowerCase());
    if (!rep) {
      c.add('accounts', 'unknownRep', l.n, { name: repText });
      continue;
    }
    if (!checkName(c, 'accounts', l.n, account)) continue;
    const revenue = parseNumber(revText);
    if (revenue === null) {
      c.add('accounts', 'notNumber', l.n, { value: revText });
      continue;
    }
    if (revenue < 0) {
      c.add('accounts', 'negative', l.n, { value: revText });
      continue;
    }
    out.push({ n: l.n, name: `${rep}\t${account}`, rep, account, revenue });
  }
  checkDuplicates(c, 'accounts', out);
  checkCount(c, 'accounts', out.length, SHAPE_LIMITS.accounts);
  return out.map(({ rep, account, revenue }) => ({ rep, account, revenue }));
}

/** Every field → a shape, or every problem (nothing is built until all of them are right). */
export function parseSetup(fields: Partial<SetupFields>): ParseResult {
  const f = (k: SetupField) => fields[k] ?? '';
  const c = new Collector();

  const client = f('client').trim();
  if (client === '') c.add('client', 'required');
  else if (client.length > MAX_CLIENT_LENGTH) c.add('client', 'tooLong', undefined, { max: MAX_CLIENT_LENGTH });

  const yearText = f('year').trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) c.add('year', 'badYear', undefined, { ...YEAR_RANGE });

  const unit = f('unit').trim() as MoneyUnit;
  if (!UNITS.includes(unit)) c.add('unit', 'badUnit', undefined, { units: UNITS.join(' / ') });
  const language = (f('language').trim() || 'zh-CN') as Locale;
  if (language !== 'zh-CN' && language !== 'en') c.add('language', 'badLanguage');

  const products = parseProducts(f('products'), c);
  const regions = parseRegions(f('regions'), c);
  const levels = parseLevels(f('levels'), c);
  const reps = parseReps(f('reps'), regions, levels, c, { regions: !c.has('regions'), levels: !c.has('levels') });
  const shapeSoFar = { products };
  const existing = planProducts(shapeSoFar).filter((p) => !p.isNew).map((p) => p.name);
  const listsOk = !c.has('products') && !c.has('regions');
  const history = listsOk ? parseRegionGrid('history', f('history'), regions, existing, c) : undefined;
  const historyPrior = listsOk ? parseHistoryPrior(f('history-prior'), existing, c) : undefined;
  const potential = listsOk ? parseRegionGrid('potential', f('potential'), regions, existing, c) : undefined;
  const accounts = !c.has('reps') && !c.has('regions') && !c.has('levels') ? parseAccounts(f('accounts'), reps, c) : undefined;

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  const shape: ClientShape = { client, fiscalYear: year, unit, language, products, regions, levels, reps };
  if (history) shape.history = history;
  if (historyPrior) shape.historyPrior = historyPrior;
  if (potential) shape.potential = potential;
  if (accounts) shape.accounts = accounts;
  return { ok: true, shape };
}

/**
 * The Structure panel's lists applied to a plan's shape: the four lists parsed as in the dialog,
 * the client's other facts kept. History, potential and accounts follow their lines, regions and
 * reps by name (dropped with what is removed, zero for what is added).
 */
export function parseStructure(shape: ClientShape, lists: Record<StructureList, string>): ParseResult {
  const c = new Collector();
  const products = parseProducts(lists.products, c);
  const regions = parseRegions(lists.regions, c);
  const levels = parseLevels(lists.levels, c);
  const reps = parseReps(lists.reps, regions, levels, c, { regions: !c.has('regions'), levels: !c.has('levels') });
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, shape: reshape(shape, { products, regions, levels, reps }) };
}

/** `shape` with new lists, its history, potential and accounts carried over by name. */
export function reshape(shape: ClientShape, lists: Pick<ClientShape, 'products' | 'regions' | 'levels' | 'reps'>): ClientShape {
  const oldLines = planProducts(shape).filter((p) => !p.isNew).map((p) => p.name);
  const newLines = planProducts(lists).filter((p) => !p.isNew).map((p) => p.name);
  const lineFrom = newLines.map((n) => oldLines.indexOf(n));
  const regionFrom = lists.regions.map((r) => shape.regions.indexOf(r));
  const grid = (g: number[][] | undefined) =>
    g && regionFrom.map((r) => lineFrom.map((k) => (r >= 0 && k >= 0 ? (g[r]?.[k] ?? 0) : 0)));
  const out: ClientShape = { ...shape, ...lists };
  delete out.history;
  delete out.historyPrior;
  delete out.potential;
  delete out.accounts;
  const history = grid(shape.history);
  if (history) out.history = history;
  const potential = grid(shape.potential);
  if (potential) out.potential = potential;
  if (shape.historyPrior) out.historyPrior = shape.historyPrior.map((y) => ({ label: y.label, values: lineFrom.map((k) => (k >= 0 ? (y.values[k] ?? 0) : 0)) }));
  if (shape.accounts) {
    const reps = new Set(lists.reps.map((r) => r.name));
    const kept = shape.accounts.filter((a) => reps.has(a.rep));
    if (kept.length > 0) out.accounts = kept;
  }
  return out;
}

const num = (v: number) => String(v);

/** A shape's fields as the dialog shows them (the sample company prefills the dialog this way). */
export function shapeToFields(shape: ClientShape): SetupFields {
  const lines = planProducts(shape).filter((p) => !p.isNew).map((p) => p.name);
  const grid = (g: number[][] | undefined) =>
    g ? [['', ...lines].join('\t'), ...shape.regions.map((r, i) => [r, ...(g[i] ?? []).map(num)].join('\t'))].join('\n') : '';
  return {
    client: shape.client,
    year: String(shape.fiscalYear),
    unit: shape.unit,
    language: shape.language,
    ...structureToLists(shape),
    history: grid(shape.history),
    'history-prior': shape.historyPrior ? shape.historyPrior.map((y) => [y.label, ...y.values.map(num)].join('\t')).join('\n') : '',
    potential: grid(shape.potential),
    accounts: shape.accounts ? shape.accounts.map((a) => [a.rep, a.account, num(a.revenue)].join('\t')).join('\n') : '',
  };
}

/** The four list fields of a shape, one item a line. */
export function structureToLists(shape: Pick<ClientShape, 'products' | 'regions' | 'levels' | 'reps'>): Record<StructureList, string> {
  return {
    products: shape.products.map((p) => (p.isNew ? `${p.name}\tnew` : p.name)).join('\n'),
    regions: shape.regions.join('\n'),
    levels: shape.levels.map((l) => [l.name, num(l.ote), num(l.base)].join('\t')).join('\n'),
    reps: shape.reps.map((r) => [r.name, r.region, r.level].join('\t')).join('\n'),
  };
}
