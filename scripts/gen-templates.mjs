#!/usr/bin/env node
/**
 * Dev-time generator of the template data. Reads the normative spec (`../shared/spec/workbook.json`)
 * and writes what the app ships, so the product never reads `../shared`:
 *
 *   templates/data/<Sheet>.json   { name, frozen, colWidths, cells, formats } in the Notebook's raw form
 *   templates/data/names.json     the workbook-scope named expressions, in spec order
 *   templates/data/expected.json  { Sheet: { A1: expected } } for every formula cell (link-stub samples, tests)
 *
 * The product's amendments to the spec's sheets (`templates/amendments.json`, e.g. issue 16's salary
 * line that adds the staffing plan's personnel cost) are applied first; the expected values stay
 * the spec's.
 *
 * Usage: `node scripts/gen-templates.mjs` writes the files; `--check` writes nothing and exits 1 when
 * the committed files differ from what the spec gives (the unit tests run it that way).
 *
 * Number formats are derived by the rules in `FORMAT_RULES` (documented in templates/README.md).
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = join(ROOT, '..', 'shared', 'spec', 'workbook.json');
const OUT = join(ROOT, 'templates', 'data');

// ---------------------------------------------------------------------------------------------
// Number formats. Each numeric cell (an input number, or a formula whose expected value is a
// number) takes the format of the first rule that matches one of its labels: first its column
// header (the nearest literal text above it in the same column, up to an empty cell), then its row
// label (the 中文/English labels in columns A and B). A rule can also ask something of the numbers
// sharing that label (the header's column run, or the row): `maxAbs` for ratios, because "share" and
// "growth" also name money rows (ΔF "Growth" in 万元) and ratios are never large; `integer` for
// counts, because "new hospitals" also names revenue rows. Nothing matches: money in 万元.

const MONEY = '#,##0.00'; // 万元, two decimals
const WHOLE = '#,##0'; // counts, ranks, prices in 元
const PERCENT = '0.0%';
const FACTOR = '0.000'; // indices, scale factors, coefficients, slopes

export const FORMAT_RULES = [
  { format: WHOLE, why: 'rank', test: /\brank\b|排名/i },
  { format: FACTOR, why: 'factor', test: /\bk\b|index|coefficient|slope|斜率|relative share/i },
  {
    format: PERCENT,
    why: 'ratio',
    maxAbs: 10,
    test: /%|÷|率|占比|比例|权重|share|growth|weight|ratio|\brate\b|cagr|coverage|penetration|attain|达成|payout|概率|p\(success\)|cost\/rev|Δ|\bdev\b|偏差|\bkey\b|ccos|margin|\bgm\b|threshold|\bcap\b|uplift|ramp|wtd p|of gap|over-assign|floor|ceiling|break|断点/i,
  },
  { format: WHOLE, why: '元 price', test: /（元）|\(CNY\)|单价/ },
  { format: MONEY, why: 'money', test: /market|revenue|cost|budget|收入|费用|市场|预算|底薪|\bOTE\b/i },
  { format: WHOLE, why: 'count', integer: true, test: /hospitals|universe|procedures|（例）|score|风险分|new-acct|new quota|new actual|新客户指标|新客户实际|(^|\s)covered$|planned new|white space/i },
];

/** Cells the rules misread. Keep this short: fix a rule before adding here. */
const FORMAT_OVERRIDES = {
  // The payout-curve table (attainment → payout %) sits two rows below its header; attainment shows
  // two decimals so the 79.99% probe just under the threshold does not read as 80.0%.
  E_Bonus: Object.fromEntries(
    Array.from({ length: 13 }, (_, i) => [
      [`A${65 + i}`, '0.00%'],
      [`B${65 + i}`, PERCENT],
      [`C${65 + i}`, PERCENT],
    ]).flat(),
  ),
  // The total expense ratio sits under an empty "National" ratio cell.
  D_Expense: { I77: PERCENT },
};

function splitA1(addr) {
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  return { col: m[1], row: Number(m[2]) };
}

function colIndex(label) {
  let n = 0;
  for (const ch of label) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const isText = (cell) => cell !== undefined && 'value' in cell && typeof cell.value === 'string';
const numericValue = (cell) => {
  const v = cell === undefined ? undefined : 'formula' in cell ? cell.expected : cell.value;
  return typeof v === 'number' ? v : null;
};

/** The column header above a cell and the numbers in the run of cells below that header. */
function columnLabel(cells, col, row) {
  let top = row;
  let header = null;
  for (let r = row - 1; r >= 1; r--) {
    const c = cells[`${col}${r}`];
    if (!c) break;
    if (isText(c)) {
      header = c.value;
      break;
    }
    top = r;
  }
  if (header === null) return null;
  const numbers = [];
  for (let r = top; cells[`${col}${r}`]; r++) {
    const v = numericValue(cells[`${col}${r}`]);
    if (v !== null) numbers.push(v);
  }
  return { text: header, numbers };
}

/** The row's labels (columns A and B) and the numbers in its data columns. */
function rowLabel(cells, row) {
  const text = [cells[`A${row}`], cells[`B${row}`]].filter(isText).map((c) => c.value).join(' ');
  if (!text) return null;
  const numbers = [];
  for (const [addr, cell] of Object.entries(cells)) {
    const at = splitA1(addr);
    const v = numericValue(cell);
    if (at.row === row && colIndex(at.col) >= 2 && v !== null) numbers.push(v);
  }
  return { text, numbers };
}

function ruleFits(rule, label) {
  if (!rule.test.test(label.text)) return false;
  if (rule.maxAbs !== undefined && label.numbers.some((v) => Math.abs(v) > rule.maxAbs)) return false;
  if (rule.integer && !label.numbers.every(Number.isInteger)) return false;
  return true;
}

export function formatFor(sheetName, cells, addr) {
  const override = FORMAT_OVERRIDES[sheetName]?.[addr];
  if (override) return override;
  if (numericValue(cells[addr]) === null) return null;
  const { col, row } = splitA1(addr);
  for (const label of [columnLabel(cells, col, row), rowLabel(cells, row)]) {
    const rule = label && FORMAT_RULES.find((r) => ruleFits(r, label));
    if (rule) return rule.format;
  }
  return MONEY;
}

// ---------------------------------------------------------------------------------------------
// Layout. Row 1 holds each sheet's title; A_Market's row 2 is also its column header (products),
// the other sheets start new headers per section. Columns A:B are the 中文/English labels (§2.1).

const FROZEN = {
  A_Market: { rows: 2, cols: 2 },
  B_Target: { rows: 1, cols: 2 },
  C_Ansoff: { rows: 1, cols: 2 },
  D_Expense: { rows: 1, cols: 2 },
  E_Bonus: { rows: 1, cols: 2 },
};

/** Approximate rendered width: CJK and full-width characters are about twice as wide. */
function textWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 13 : 7;
  return w + 16;
}

/**
 * Widths for columns holding literal text (titles in row 1 excluded: they overflow). The label
 * columns A:B may grow wider than data columns, whose long headers can wrap.
 */
function columnWidths(cells) {
  const widths = {};
  for (const [addr, cell] of Object.entries(cells)) {
    const { col, row } = splitA1(addr);
    if (row === 1 || !isText(cell)) continue;
    const max = col === 'A' || col === 'B' ? 280 : 180;
    widths[col] = Math.max(widths[col] ?? 0, Math.min(max, textWidth(cell.value)));
  }
  const out = {};
  for (const col of Object.keys(widths).sort((a, b) => colIndex(a) - colIndex(b))) {
    if (widths[col] > 96) out[col] = widths[col]; // narrower text fits the default column
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * The spec with the product's amendments (`templates/amendments.json`) applied: a formula amendment
 * keeps the spec's expected value, a label amendment replaces the text.
 */
export function amendSpec(spec, amendments) {
  const sheets = {};
  for (const [name, cells] of Object.entries(spec.sheets)) {
    const changes = amendments.sheets[name] ?? {};
    const out = { ...cells };
    for (const [addr, change] of Object.entries(changes)) {
      const cell = cells[addr];
      if (!cell) throw new Error(`amendment of ${name}!${addr}: no such spec cell`);
      out[addr] = 'formula' in change ? { formula: change.formula, expected: cell.expected } : { value: change.value };
    }
    // Cells the product adds beside the spec's (issue 20's rep bottom-up): never over a spec cell;
    // a formula brings its own expected value, a blank input only its format.
    for (const [addr, add] of Object.entries(amendments.added?.[name] ?? {})) {
      if (cells[addr]) throw new Error(`addition ${name}!${addr}: the spec has this cell`);
      if ('formula' in add) out[addr] = { formula: add.formula, expected: add.expected, format: add.format };
      else if ('value' in add) out[addr] = { value: add.value, format: add.format };
      else out[addr] = { blank: true, format: add.format };
    }
    sheets[name] = out;
  }
  return { ...spec, sheets };
}

export function generate(spec) {
  const files = {};
  const expected = {};
  for (const [name, cells] of Object.entries(spec.sheets)) {
    const raw = {};
    const formats = {};
    expected[name] = {};
    for (const [addr, cell] of Object.entries(cells)) {
      if ('formula' in cell) {
        raw[addr] = cell.formula;
        expected[name][addr] = cell.expected;
      } else if (!cell.blank) {
        raw[addr] = cell.value;
      }
      const format = cell.format ?? (cell.blank ? null : formatFor(name, cells, addr));
      if (format) formats[addr] = format;
    }
    files[`${name}.json`] = { name, frozen: FROZEN[name] ?? { rows: 1, cols: 2 }, colWidths: columnWidths(cells), cells: raw, formats };
  }
  files['names.json'] = Object.entries(spec.names).map(([name, expression]) => ({ name, expression }));
  files['expected.json'] = expected;
  const text = {};
  for (const [file, data] of Object.entries(files)) text[file] = `${JSON.stringify(data, null, 1)}\n`;
  return text;
}

function main() {
  const check = process.argv.includes('--check');
  const amendments = JSON.parse(readFileSync(join(ROOT, 'templates', 'amendments.json'), 'utf8'));
  const text = generate(amendSpec(JSON.parse(readFileSync(SPEC, 'utf8')), amendments));
  const stale = [];
  if (!check) mkdirSync(OUT, { recursive: true });
  for (const [file, content] of Object.entries(text)) {
    const path = join(OUT, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    stale.push(file);
    if (!check) writeFileSync(path, content);
  }
  if (check && stale.length) {
    console.error(`templates/data is out of date with the spec: ${stale.join(', ')}. Run node scripts/gen-templates.mjs`);
    process.exit(1);
  }
  console.log(check ? 'templates/data matches the spec' : stale.length ? `wrote ${stale.join(', ')}` : 'templates/data already up to date');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
