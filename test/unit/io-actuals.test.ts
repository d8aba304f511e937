/** The actuals file parser: good and bad files, and a property over random files. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActualsCsv, type ActualsLists } from '../../src/io/actualsParse';

const LISTS: ActualsLists = { regions: ['华东 East', '华南 South', '华北 North', '西部 West'], products: ['P1', 'P2', 'P3', 'P4'], fiscalYear: 2026 };

describe('actuals parser', () => {
  it('reads a header in either language and any order, labels by either part, YYYY-MM months, and adds up rows', () => {
    const csv = '\uFEFF金额,月份,产品线,区域\n100,1,P1,华东\n"1,250.5",2026-02,P2,South\n50,1,P1,华东 East\n';
    const r = parseActualsCsv(csv, LISTS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toBe(3);
    expect(r.value.sums[0][0][0]).toBe(150);
    expect(r.value.sums[1][1][1]).toBe(1250.5);
    expect(r.value.monthTotals.slice(0, 3)).toEqual([150, 1250.5, 0]);
    expect(r.value.latestMonth).toBe(2);
    expect(r.value.present[0][0][0]).toBe(true);
    expect(r.value.present[0][0][1]).toBe(false);
  });

  it("reads European Excel's ';' files with decimal commas and quoted fields", () => {
    const r = parseActualsCsv('Region;Product line;Month;Amount\r\n"West";P4;12;"1.234,5"\r\n', LISTS);
    expect(r.ok && r.value.sums[3][3][11]).toBe(1234.5);
  });

  it('refuses unknown regions and products, bad months and non-numbers with line numbers', () => {
    const csv = 'region,product,month,amount\n华东,P1,1,10\n\nMars,P1,1,10\n华东,P9,2025-03,x\n"华东\nEast",P1,13,5\nWest,,3,1\n';
    const r = parseActualsCsv(csv, LISTS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.key])).toEqual([
      [4, 'actuals.region'],
      [5, 'actuals.product'],
      [5, 'actuals.month'],
      [5, 'actuals.amount'],
      [6, 'actuals.month'], // a quoted label spanning two lines still matches 华东 East
      [8, 'actuals.product'],
    ]);
  });

  it('refuses a header that does not name the four columns', () => {
    const r = parseActualsCsv('region,product,amount\n华东,P1,1\n', LISTS);
    expect(!r.ok && r.problems[0]).toMatchObject({ line: 1, key: 'actuals.header' });
  });

  it('property: any file written from random rows, any column order and separator, reads back the sums', () => {
    const row = fc.record({ r: fc.nat(3), p: fc.nat(3), m: fc.integer({ min: 1, max: 12 }), cents: fc.integer({ min: -1e7, max: 1e7 }), form: fc.nat(2), ym: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (rows, order, sep, bom) => {
        const headers = [['区域', '产品线', '月份', '金额'], ['Region', 'Product line', 'Month', 'Amount']];
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const lines = [order.map((c, i) => headers[i % 2][c]).join(sep)];
        const want = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => new Array<number>(12).fill(0)));
        for (const x of rows) {
          const label = LISTS.regions[x.r];
          const region = [label, label.split(' ')[0], label.split(' ')[1]][x.form];
          const amount = (x.cents / 100).toString();
          const fields = [quote(region), LISTS.products[x.p], x.ym ? `2026-${String(x.m).padStart(2, '0')}` : String(x.m), sep === ';' ? quote(amount.replace('.', ',')) : amount];
          lines.push(order.map((c) => fields[c]).join(sep));
          want[x.r][x.p][x.m - 1] += x.cents / 100;
        }
        const r = parseActualsCsv((bom ? '\uFEFF' : '') + lines.join('\r\n'), LISTS);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.rows).toBe(rows.length);
        want.forEach((reg, i) => reg.forEach((line, j) => line.forEach((v, m) => expect(r.value.sums[i][j][m]).toBeCloseTo(v, 6))));
      }),
      { numRuns: 200 },
    );
  });
});

describe('actuals from .xlsx', () => {
  it('reads the first worksheet: numbers, dates as months, text labels; refuses with row numbers', async () => {
    const { parseActualsXlsx } = await import('../../src/io/actualsXlsx');
    const { loadExcelJs } = await import('../../src/io/exceljs');
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Actuals');
    ws.addRow(['Month', 'Region', 'Amount', 'Product line']);
    ws.addRow([3, 'East', 120, 'P2']);
    ws.addRow([new Date(Date.UTC(2026, 2, 1)), '华东', 30, 'P2']);
    const good = await parseActualsXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer, LISTS);
    expect(good.ok && good.value.sums[0][1][2]).toBe(150);
    ws.addRow([4, 'Atlantis', 1, 'P1']);
    const bad = await parseActualsXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer, LISTS);
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.key])).toEqual([[4, 'actuals.region']]);
    const notXlsx = await parseActualsXlsx(new TextEncoder().encode('region,product').buffer, LISTS);
    expect(!notXlsx.ok && notXlsx.problems[0].key).toBe('actuals.notXlsx');
  });
});
