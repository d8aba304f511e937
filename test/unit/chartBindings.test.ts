/**
 * Chart kinds declare the ranges they read (`src/model/charts/bindings.ts`) and one resolver reads
 * them: sheet references, workbook names and comma lists resolve the same for every kind, errors are
 * reported from the checked bindings only, and every template chart binds exactly what its kind
 * declares.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/cell';
import type { KindBindings } from '../../src/model/charts/bindings';
import type { CellReader } from '../../src/model/bindingCells';
import { kpiModel } from '../../src/model/charts/kpi';
import { chartData, resolveBindings } from '../../src/model/charts/resolve';
import { seriesModel } from '../../src/model/charts/series';
import { userChartRanges } from '../../src/model/charts/table';
import { waterfallModel } from '../../src/model/charts/waterfall';
import type { LayoutItem } from '../../src/model/notebook';
import { templateById } from '../../templates';
import { generatePlan } from '../../templates/generators/plan';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';
import { CHART_KINDS, withoutPersonal } from '../../src/ui/charts/kinds';

const CELLS: Record<string, Record<string, CellValue>> = {
  S: { A1: '华东 East', A2: 'West', B1: 10, B2: { error: '#DIV/0!' }, C1: 3, C2: 4, D1: 'total' },
  Other: { B2: 250, B3: 7 },
};
const FORMATS: Record<string, string> = { 'S!B1': '#,##0.00', 'S!C1': '0.0%', 'Other!B2': '#,##0' };
const NAMES: Record<string, string> = { TOTAL: '=Other!$B$2', BOTH: '=TOTAL,Other!B3', TEXT: '="hello"', SELF: '=SELF' };
const reader: CellReader = {
  value: (sheet, addr) => CELLS[sheet]?.[addr],
  format: (sheet, addr) => FORMATS[`${sheet}!${addr}`],
  nameExpression: (name) => NAMES[name.toUpperCase()],
};
const item = (ranges: Record<string, string>, options?: Record<string, unknown>): LayoutItem => ({ id: 'i', kind: 'bar', sheet: 'S', ranges, options });

describe('the resolver', () => {
  const B = {
    one: { role: 'cell' },
    many: { role: 'cells', checked: true },
    names: { role: 'labels' },
    table: { role: 'grid', checked: true },
  } as const satisfies KindBindings;

  it('a name resolves to the cell it points at, on its own sheet, with its format; a list of names to each', () => {
    const r = resolveBindings(item({ one: 'TOTAL', many: 'both' }), B, reader, 'en');
    expect(r.data.one).toEqual({ sheet: 'Other', addr: 'B2', value: 250, format: '#,##0' });
    expect(r.data.many.map((c) => `${c.sheet}!${c.addr}=${String(c.value)}`)).toEqual(['Other!B2=250', 'Other!B3=7']);
    expect(r.formats.one).toBe('#,##0');
    expect(r.ref).toEqual({ one: 'TOTAL', many: 'both', names: undefined, table: undefined });
  });

  it('a binding that is unset, not a reference, or a name without a reference reads as empty, with no problem', () => {
    const r = resolveBindings(item({ one: 'TEXT', many: 'SELF', names: 'not a ref' }), B, reader, 'en');
    expect(r.data).toEqual({ one: undefined, many: [], names: [], table: [] });
    expect(r.problems).toEqual([]);
  });

  it('labels keep the UI language; an error cell is labelled by its code', () => {
    expect(resolveBindings(item({ names: 'A1:B2' }), B, reader, 'en').data.names).toEqual(['East', '10', 'West', '#DIV/0!']);
    expect(resolveBindings(item({ names: 'A1' }), B, reader, 'zh-CN').data.names).toEqual(['华东']);
  });

  it('errors are problems only in checked bindings, in declaration order, by address', () => {
    const r = resolveBindings(item({ one: 'B2', names: 'B2', table: 'B1:B2', many: 'Other!B2,B2' }), B, reader, 'en');
    expect(r.problems).toEqual(['S!B2 #DIV/0!', 'S!B2 #DIV/0!']);
    expect(resolveBindings(item({ one: 'B2', names: 'B2' }), B, reader, 'en').problems).toEqual([]);
  });

  it('a grid joins the ranges of a list under each other for series in rows, else side by side; `join` fixes it', () => {
    const addrs = (g: { addr: string }[][]) => g.map((row) => row.map((c) => c.addr).join(' '));
    expect(addrs(resolveBindings(item({ table: 'B1:C1,B2:C2' }, { series: 'rows' }), B, reader, 'en').data.table)).toEqual(['B1 C1', 'B2 C2']);
    expect(addrs(resolveBindings(item({ table: 'B1:B2,C1:C2' }), B, reader, 'en').data.table)).toEqual(['B1 C1', 'B2 C2']);
    const fixed = { table: { role: 'grid', join: 'rows' } } as const;
    expect(addrs(resolveBindings(item({ table: 'B1:B2,C1:C2' }), fixed, reader, 'en').data.table)).toEqual(['B1', 'B2', 'C1', 'C2']);
  });

  it('the format of a binding is that of its first cell holding a number', () => {
    expect(resolveBindings(item({ many: 'A1:C1' }), B, reader, 'en').formats.many).toBe('#,##0.00');
    expect(resolveBindings(item({ many: 'A1,C1' }), B, reader, 'en').formats.many).toBe('0.0%');
  });
});

describe('kinds on the resolver', () => {
  it('a chart missing its required binding draws empty, with no problem, as before', () => {
    expect(seriesModel.bindings.values.required).toBe(true);
    expect(chartData(seriesModel, item({ rowLabels: 'A1:A2' }), reader, 'en')).toEqual({ categories: [], series: [], format: undefined, problems: [] });
    expect(waterfallModel.bindings.values.required).toBe(true);
    expect(chartData(waterfallModel, { ...item({ labels: 'A1:A2', start: 'TOTAL' }), kind: 'waterfall' }, reader, 'en')).toEqual({
      steps: [{ label: '250', kind: 'total', start: 0, end: 250, value: 250, cell: { sheet: 'Other', addr: 'B2', value: 250, format: '#,##0' } }],
      balance: 0,
      format: '#,##0',
      problems: [],
    });
  });

  it('a series reads its values by name and its errors from values and line, not from its labels', () => {
    const d = chartData(seriesModel, item({ values: 'B1:B2', rowLabels: 'A1:A2', line: 'C1:C2', colors: 'B2' }), reader, 'en');
    expect(d.categories).toEqual(['East', 'West']);
    expect(d.series[0].values).toEqual([10, null]);
    expect(d.line?.values).toEqual([3, 4]);
    expect(d.colors).toEqual(['#DIV/0!']);
    expect(d.problems).toEqual(['S!B2 #DIV/0!']);
  });

  it('a KPI bound to a name keys by the name, one bound to a cell by Sheet!A1', () => {
    expect(chartData(kpiModel, item({ value: 'TOTAL', sub: 'C1' }), reader, 'en')).toMatchObject({ key: 'TOTAL', cell: { addr: 'B2', value: 250 }, sub: { addr: 'C1', value: 3 } });
    expect(chartData(kpiModel, item({ value: 'B1' }), reader, 'en').key).toBe('S!B1');
  });

  it('a user waterfall reads the first column of values, labelled by the label column', () => {
    const cells: Record<string, CellValue> = { A1: 'Region', B1: 'FY25', C1: 'FY26', A2: 'East', B2: 1, C2: 2, A3: 'West', B3: 3, C3: 4 };
    const r: CellReader = { value: (_s, a) => cells[a], format: () => undefined, nameExpression: () => undefined };
    expect(userChartRanges('waterfall', 'A1:C3', 'S', r)).toEqual({ values: 'B2:B3', labels: 'A2:A3' });
    expect(userChartRanges('waterfall', 'Other!A1:C3', 'S', r)).toEqual({ values: 'Other!B2:B3', labels: 'Other!A2:A3' });
    expect(userChartRanges('bar', 'A1:C3', 'S', r)).toEqual({ values: 'B2:C3', rowLabels: 'A2:A3', colLabels: 'B1:C1' });
  });
});

describe('declarations and the templates', () => {
  const bindingsOf = (kind: string): KindBindings | undefined => (kind === 'kpi' ? kpiModel.bindings : CHART_KINDS[kind]?.model.bindings);
  const notebooks = () => [templateById('annual-plan')!.create({ locale: 'en' }), generatePlan({ ...SAMPLE_SHAPE, language: 'en' })];

  it('every template chart and KPI binds only keys its kind declares, and every key it requires', () => {
    let checked = 0;
    for (const nb of notebooks()) {
      for (const i of nb.layout.items) {
        if (i.kind === 'note') continue;
        const b = bindingsOf(i.kind);
        expect(b, `${i.id}: kind ${i.kind}`).toBeDefined();
        for (const key of Object.keys(i.ranges)) expect(Object.keys(b!), `${i.id}.${key}`).toContain(key);
        for (const [key, spec] of Object.entries(b!)) if (spec.required) expect(i.ranges[key], `${i.id} needs ${key}`).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the presenter\'s privacy mask drops the bindings declared personal — the reps\' names on the payout curve — and nothing else', () => {
    const nb = templateById('annual-plan')!.create({ locale: 'en' });
    const payout = nb.layout.items.find((i) => i.id === 'E_Bonus.payout')!;
    const masked = withoutPersonal(payout);
    expect(Object.keys(payout.ranges).filter((k) => !(k in masked.ranges))).toEqual(['repLabels']);
    expect(masked.ranges.repX).toBe(payout.ranges.repX);
    const bar = nb.layout.items.find((i) => i.id === 'B_Target.quotas')!;
    expect(withoutPersonal(bar)).toBe(bar);
  });
});
