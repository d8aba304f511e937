/**
 * Property of the stored-notebook check, over both doors a document comes in by — the
 * `.opsbook.json` reader and the `.xlsx` importer: whatever they accept opens in the engine,
 * computes, renders every cell with its number format, and exports (.opsbook.json, .xlsx, the
 * decision log). Inputs are built from hostile parts: out-of-grid cells, names like cells or equal
 * ignoring case, shared sheet ids, Excel-illegal sheet names, huge formats, huge chart ranges,
 * times past the dates, broken characters, formulas at and beyond Excel's limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOpsbookData, readOpsbookText, serializeOpsbook, toOpsbookFile } from '../../src/model/fileFormat';
import type { Notebook, Sheet } from '../../src/model/notebook';
import { EngineHost } from '../../workers/engineCore';
import { formatValue } from '../../src/i18n/numberFormat';
import { exportXlsx } from '../../src/io/xlsxExport';
import { workshopSheets } from '../../src/io/workshopSheets';
import { decisionRows } from '../../src/model/decisionLog';
import { importXlsx } from '../../src/io/xlsxImport';
import { readRanges } from '../../src/model/bindingCells';
import { minimalXlsx, sheetXml } from './ioFixtures';

const deep = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;
/** Mostly what a real notebook holds, sometimes something hostile: both sides get reached. */
const mostly = <T,>(good: T[], bad: T[]): fc.Arbitrary<T> => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 12 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const sheetNames = mostly(['Sheet1', 'Plan', 'sheet1', "it's", 'x'.repeat(31), '中文', 'My Plan'], ["'quoted'", 'History', 'a:b', 'x'.repeat(32), 'a\u0001', 'a\uD800', ' ']);
const addrs = mostly(['A1', 'B2', 'C3', 'XFD1', 'A200000', 'AA10'], ['XFE1', 'A200001', 'ZZZ9999999']);
const formulas = mostly(
  ['=A1+1', '=SUM(A1:B2)', "='My Plan'!A1*2", '=Plan!B2', '=1/0', '=RATE*2', `=${deep(64)}`, `=${Array(300).fill('A1').join('+')}`, '=(', '="a"&"b"', '=A1:A3', '=FOO(1)'],
  [`=${deep(65)}`, `=${'1+'.repeat(4096)}1`],
);
const raws = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0), fc.boolean(), fc.string({ maxLength: 8 }), formulas, formulas, mostly(['text'], ['x\uDC00']));
const formats = mostly(['0.00', '#,##0', '0.0%', '"¥"#,##0', 'General', '@', `0.${'0'.repeat(30)}`], [`0.${'0'.repeat(31)}`, `0.${'0'.repeat(101)}`, 'x'.repeat(300)]);
const nameNames = mostly(['RATE', 'rate', 'X', '_n.1', 'TOTAL'], ['A1', 'R1C1', '目标']);
const nameExprs = mostly(['=1', '=Sheet1!$A$1', '=SUM(Sheet1!$A$1:$B$2)', '="text"'], ['=Sheet1!A1', '=[1]S!$A$1']);
const ranges = mostly(['A1', 'A1:B3', 'Sheet1!A1:A5', 'RATE', 'TOTAL', 'not a ref'], ['A1:ZZZ9999999', 'A1:J100000']);
const times = mostly([0, Date.UTC(2026, 0, 1), 8.64e15], [8.64e15 + 1, 1e300, -1e300]);

const sheet = (i: number): fc.Arbitrary<Sheet> =>
  fc.record({
    id: mostly([`s_x${i}`], ['s_1']),
    name: sheetNames,
    cells: fc.dictionary(addrs, raws, { maxKeys: 6 }),
    formats: fc.dictionary(addrs, formats, { maxKeys: 3 }),
  });

const notebook: fc.Arbitrary<Notebook> = fc.record({
  id: fc.constant('nb_1'),
  title: fc.constantFrom('Plan', 'x\uD800', '<b>'),
  locale: fc.constantFrom('zh-CN' as const, 'en' as const),
  sheets: fc.tuple(sheet(0), fc.array(sheet(1), { maxLength: 2 })).map(([a, rest]) => [a, ...rest]),
  names: fc.array(fc.record({ name: nameNames, expression: nameExprs }), { maxLength: 2 }),
  scenarios: fc.array(fc.record({ id: fc.constantFrom('up', 'down'), name: fc.constant('S'), overrides: fc.dictionary(fc.constantFrom('Sheet1!A1', 'Sheet1!ZZZ1', 'A1', 'Plan!B2'), raws, { maxKeys: 2 }) }), { maxLength: 1 }),
  decisions: fc.array(fc.record({ id: fc.constantFrom('d1', 'd2'), at: times, kind: fc.constant('edit' as const), target: fc.constant('Sheet1!A1'), old: fc.constant(1), new: fc.constant(2) }), { maxLength: 2 }),
  layout: fc.record({ items: fc.array(fc.record({ id: fc.constantFrom('c1', 'c2'), kind: fc.constant('bar'), sheet: fc.constant('Sheet1'), ranges: fc.record({ values: ranges }) }), { maxLength: 2 }) }),
  createdAt: times,
  updatedAt: fc.constant(Date.UTC(2026, 0, 1)),
});

/** Opens, computes, renders and exports an accepted notebook; any throw fails the property. */
async function usable(nb: Notebook): Promise<void> {
  const host = new EngineHost();
  const opened = host.open('p', { sheets: nb.sheets, names: nb.names });
  expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
  if (!opened.ok) return;
  for (const s of nb.sheets) {
    for (const [addr, v] of Object.entries(opened.value[s.name] ?? {})) expect(typeof formatValue(v, s.formats[addr])).toBe('string');
  }
  const reader = {
    value: (sh: string, a: string) => opened.value[sh]?.[a],
    format: (sh: string, a: string) => nb.sheets.find((x) => x.name === sh)?.formats[a],
    nameExpression: (n: string) => nb.names.find((x) => x.name.toUpperCase() === n.toUpperCase())?.expression,
  };
  for (const item of nb.layout.items) for (const ref of Object.values(item.ranges)) readRanges(ref, item.sheet, reader);
  const again = readOpsbookText(serializeOpsbook(nb));
  expect(again.ok).toBe(true);
  decisionRows(nb.decisions);
  const bytes = await exportXlsx(nb, opened.value, workshopSheets(nb));
  expect(bytes.length).toBeGreaterThan(0);
  host.close('p');
}

let accepted = 0;
describe('stored-notebook check (property)', () => {
  it('whatever the .opsbook.json reader accepts opens, computes, renders and exports', async () => {
    await fc.assert(
      fc.asyncProperty(notebook, async (nb) => {
        const r = readOpsbookData(JSON.parse(JSON.stringify(toOpsbookFile(nb))));
        if (!r.ok) {
          expect(r.problem.detail.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        await usable(r.notebook);
      }),
      { numRuns: 300 },
    );
    // The generator must reach both sides, or the property says nothing.
    expect(accepted).toBeGreaterThan(5);
  }, 120_000);

  it('whatever the .xlsx importer accepts opens, computes, renders and exports', async () => {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const cellXml = (a: string, raw: unknown) =>
      typeof raw === 'string' && raw.startsWith('=') && raw.length > 1
        ? `<c r="${a}"><f>${esc(raw.slice(1))}</f></c>`
        : typeof raw === 'number'
          ? `<c r="${a}"><v>${raw}</v></c>`
          : `<c r="${a}" t="inlineStr"><is><t>${esc(String(raw))}</t></is></c>`;
    /** Rows in ascending order, each holding its cells, as a worksheet part has them. */
    const rowsXml = (cells: Record<string, unknown>) => {
      const byRow = new Map<number, string[]>();
      for (const [a, raw] of Object.entries(cells)) {
        const r = Number(/\d+$/.exec(a)![0]);
        byRow.set(r, [...(byRow.get(r) ?? []), cellXml(a, raw)]);
      }
      return [...byRow.entries()].sort((x, y) => x[0] - y[0]).map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`);
    };
    const cell = fc.dictionary(addrs, raws.filter((r) => typeof r !== 'string' || !/[\u0000-\u001F\uD800-\uDFFF]/.test(r)), { maxKeys: 5 });
    const workbook = fc.record({
      sheets: fc.uniqueArray(fc.record({ name: sheetNames.filter((n) => !/[\u0000-\u001F\uD800-\uDFFF]/.test(n) && n.trim() !== ''), cells: cell }), { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() }),
      names: fc.array(fc.tuple(nameNames, nameExprs), { maxLength: 3 }),
    });
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const bytes = minimalXlsx(
          w.sheets.map((s) => ({ name: esc(s.name), xml: sheetXml(rowsXml(s.cells)) })),
          w.names.map(([n, e]) => `<definedName name="${esc(n)}">${esc(e.slice(1))}</definedName>`).join(''),
        );
        const r = await importXlsx(bytes);
        if (!r.ok) {
          if (process.env.DEBUG_PROPERTY) console.log(r.problem);
          return;
        }
        ok++;
        await usable(r.notebook);
      }),
      { numRuns: 60 },
    );
    expect(ok).toBeGreaterThan(5);
  }, 120_000);
});
