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

describe('actuals with a rep column', () => {
  // Two reps per region, in roster order; region = index in LISTS.regions.
  const REPS = [
    { name: 'E01', region: 0 },
    { name: 'E02', region: 0 },
    { name: 'S01', region: 1 },
    { name: '王芳 Wang Fang', region: 3 },
  ];
  const WITH_REPS: ActualsLists = { ...LISTS, reps: REPS };

  it('adds each row to its region × line and, when it names a rep, to that rep’s month; a blank rep is the region’s only', () => {
    const csv = 'Region,Product line,Month,Amount,Sales rep\nEast,P1,1,100,E01\nEast,P2,1,40,e01\nEast,P1,2,7,E02\nSouth,P1,2,5,\nWest,P3,2026-03,9,王芳\nWest,P3,3,1,wang fang\n';
    const r = parseActualsCsv(csv, WITH_REPS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.repColumn).toBe(true);
    expect(r.value.rows).toBe(6);
    expect(r.value.repRows).toBe(5);
    expect(r.value.repSums.map((m) => m.slice(0, 3))).toEqual([[140, 0, 0], [0, 7, 0], [0, 0, 0], [0, 0, 10]]);
    expect(r.value.repPresent[0].slice(0, 2)).toEqual([true, false]);
    expect(r.value.repPresent[2].every((x) => !x)).toBe(true);
    // The region × line sums are as without the column.
    expect(r.value.sums[0][0][0]).toBe(100);
    expect(r.value.sums[1][0][1]).toBe(5);
    expect(r.value.sums[3][2][2]).toBe(10);
  });

  it('finds the rep column by any of its header words, in either language, in any position', () => {
    for (const h of ['rep', 'Rep', 'Sales rep', 'sales_rep', '代表', '销售代表', 'Representative']) {
      const r = parseActualsCsv(`${h};金额;月份;产品线;区域\nS01;3;1;P2;华南\n`, WITH_REPS);
      if (h === 'sales_rep') {
        // not a header word: the column is ignored, the row counts for the region only
        expect(r.ok && r.value.repColumn, h).toBe(false);
        continue;
      }
      expect(r.ok && r.value.repColumn, h).toBe(true);
      expect(r.ok && r.value.repSums[2][0], h).toBe(3);
    }
  });

  it('without a rep column, or without a roster in the lists, no rep is read', () => {
    const plain = parseActualsCsv('region,product,month,amount\nEast,P1,1,1\n', WITH_REPS);
    expect(plain.ok && [plain.value.repColumn, plain.value.repRows, plain.value.repSums.length]).toEqual([false, 0, 0]);
    const noRoster = parseActualsCsv('region,product,month,amount,rep\nEast,P1,1,1,Nobody\n', LISTS);
    expect(noRoster.ok && [noRoster.value.repColumn, noRoster.value.sums[0][0][0]]).toEqual([false, 1]);
  });

  it('refuses an unknown rep and a rep of another region, by line, with the other problems of the same rows', () => {
    const csv = 'region,product,month,amount,rep\nEast,P1,1,10,E01\nEast,P1,1,10,E09\nSouth,P1,2,3,E02\nMars,P1,2,3,E02\nEast,P1,14,3,S01\n';
    const r = parseActualsCsv(csv, WITH_REPS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.key])).toEqual([
      [3, 'actuals.rep'],
      [4, 'actuals.repRegion'],
      [5, 'actuals.region'], // an unknown region: the rep's region cannot be compared
      [6, 'actuals.month'],
      [6, 'actuals.repRegion'],
    ]);
    expect(r.problems[0].params).toEqual({ value: 'E09' });
    expect(r.problems[1].params).toEqual({ value: 'E02', home: '华东 East', region: '华南 South' });
  });

  it('property: random rows with random reps of their regions read back each rep’s sums, and Σ over a region’s reps ≤ the region', () => {
    const row = fc.record({ rep: fc.option(fc.nat(3), { nil: undefined }), r: fc.nat(3), p: fc.nat(3), m: fc.integer({ min: 1, max: 12 }), cents: fc.integer({ min: 0, max: 1e6 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (rows, sep) => {
        const lines = [['销售代表', 'Region', 'Product line', 'Month', 'Amount'].join(sep)];
        const want = REPS.map(() => new Array<number>(12).fill(0));
        const region = Array.from({ length: 4 }, () => new Array<number>(12).fill(0));
        const byReps = Array.from({ length: 4 }, () => new Array<number>(12).fill(0));
        for (const x of rows) {
          const r = x.rep === undefined ? x.r : REPS[x.rep].region; // a rep's row is in its own region
          const amount = x.cents / 100;
          lines.push([x.rep === undefined ? '' : `"${REPS[x.rep].name}"`, `"${LISTS.regions[r]}"`, LISTS.products[x.p], String(x.m), sep === ';' ? `"${String(amount).replace('.', ',')}"` : String(amount)].join(sep));
          region[r][x.m - 1] += amount;
          if (x.rep !== undefined) {
            want[x.rep][x.m - 1] += amount;
            byReps[r][x.m - 1] += amount;
          }
        }
        const got = parseActualsCsv(lines.join('\n'), WITH_REPS);
        expect(got.ok).toBe(true);
        if (!got.ok) return;
        expect(got.value.repRows).toBe(rows.filter((x) => x.rep !== undefined).length);
        want.forEach((months, k) => months.forEach((v, m) => expect(got.value.repSums[k][m]).toBeCloseTo(v, 6)));
        for (let r = 0; r < 4; r++)
          for (let m = 0; m < 12; m++) {
            const sum = got.value.sums[r].reduce((a, line) => a + line[m], 0);
            expect(sum).toBeCloseTo(region[r][m], 6);
            expect(sum + 1e-9).toBeGreaterThanOrEqual(byReps[r][m]);
          }
      }),
      { numRuns: 150 },
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

  it('reads a rep column from a worksheet too', async () => {
    const { parseActualsXlsx } = await import('../../src/io/actualsXlsx');
    const { loadExcelJs } = await import('../../src/io/exceljs');
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Actuals');
    ws.addRow(['代表', '区域', '产品线', '月份', '金额']);
    ws.addRow(['S01', '华南', 'P1', 2, 80]);
    ws.addRow(['E01', '华南', 'P1', 2, 1]);
    const lists = { ...LISTS, reps: [{ name: 'E01', region: 0 }, { name: 'S01', region: 1 }] };
    const bad = await parseActualsXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer, lists);
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.key])).toEqual([[3, 'actuals.repRegion']]);
    ws.spliceRows(3, 1);
    const good = await parseActualsXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer, lists);
    expect(good.ok && good.value.repSums[1][1]).toBe(80);
  });
});
