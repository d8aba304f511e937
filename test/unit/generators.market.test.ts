/**
 * A_Market from its generator: the spec's sheet on the sample shape, cell for cell; positions
 * that follow the shape.
 */
import { describe, expect, it } from 'vitest';
import aMarket from '../../templates/data/A_Market.json';
import { marketLayout, targetLayout } from '../../templates/generators/abLayout';
import { SAMPLE_LIST_LAYOUT } from '../../templates/generators/listNames';
import { englishPart, marketGenerator } from '../../templates/generators/market';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';
import { targetGenerator } from '../../templates/generators/target';
import { defaultLayout } from '../../templates/layouts';
import { DRIVERS } from '../../templates/specVocabulary';

describe('A_Market generator', () => {
  it('lays out the spec sheet on the sample shape, cell for cell', () => {
    const part = marketGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    const s = part.sheets[0];
    expect(s.name).toBe('A_Market');
    expect(s.cells).toEqual(aMarket.cells);
    expect(s.formats).toEqual(aMarket.formats);
    expect(s.frozen).toEqual(aMarket.frozen);
    expect(s.colWidths).toEqual(aMarket.colWidths);
    expect(part.names).toEqual([{ name: 'GOAL_REVENUE', expression: '=A_Market!$F$7' }]);
  });

  it('puts the blocks where the spec does on the sample, and moves them with the regions', () => {
    const M = marketLayout(SAMPLE_SHAPE);
    expect([M.newHospitalRows.first, M.newHospitalTotalRow, M.modelRow, M.waterfallRows.last]).toEqual([19, 23, 35, 55]);
    const seven = { ...SAMPLE_SHAPE, regions: [...SAMPLE_SHAPE.regions, 'A', 'B', 'C'] };
    expect(marketLayout(seven).modelRow).toBe(38);
    const T = targetLayout(SAMPLE_SHAPE);
    expect({
      targetRow: T.targetRow,
      finalRows: T.finalRows,
      buRows: T.buRows,
      tdRows: T.tdRows,
      historyRows: T.historyRows,
      potentialRows: T.potentialRows,
      repRows: T.repRows,
      productCols: T.productCols,
      existingCols: T.existingCols,
      totalCol: T.totalCol,
    }).toEqual({
      targetRow: SAMPLE_LIST_LAYOUT.targetRow,
      finalRows: SAMPLE_LIST_LAYOUT.finalRows,
      buRows: SAMPLE_LIST_LAYOUT.buRows,
      tdRows: SAMPLE_LIST_LAYOUT.tdRows,
      historyRows: SAMPLE_LIST_LAYOUT.historyRows,
      potentialRows: SAMPLE_LIST_LAYOUT.potentialRows,
      repRows: SAMPLE_LIST_LAYOUT.repRows,
      productCols: SAMPLE_LIST_LAYOUT.productCols,
      existingCols: SAMPLE_LIST_LAYOUT.existingCols,
      totalCol: SAMPLE_LIST_LAYOUT.totalCol,
    });
    expect(T.accountBlocks).toEqual([{ rep: 0, headingRow: 119, rows: { first: 121, last: 125 }, totalRow: 126 }]);
  });

  it('reads the English part of a bilingual name', () => {
    expect(englishPart('华东 East')).toBe('East');
    expect(englishPart('Zone 7')).toBe('Zone 7');
    expect(englishPart('西北')).toBe('西北');
  });

  it('gives the templates’ notebook views and the spec’s presenter drivers on the sample shape', () => {
    const ctx = { shape: SAMPLE_SHAPE, inputs: {}, names: new Map() };
    const a = marketGenerator.generate(ctx);
    const b = targetGenerator.generate(ctx);
    expect(a.layout).toEqual(defaultLayout('A_Market'));
    expect(b.layout).toEqual(defaultLayout('B_Target'));
    for (const d of [...a.drivers, ...b.drivers]) expect(DRIVERS).toContainEqual(d);
    expect(a.drivers.map((d) => d.name)).toEqual(['A_Market!F6', 'A_Market!C14', 'A_Market!D14', 'A_Market!E14']);
    expect(b.drivers.map((d) => d.name)).toEqual(['W_TREND', 'W_QUANT', 'ALPHA_BU', 'OVERASSIGN', 'B_Target!C43', 'B_Target!D43', 'B_Target!E43']);
    expect(b.kpis.map((k) => k.id)).toEqual(['TARGET_TOTAL', 'B_Target!G46', 'B_Target!G47', 'B_Target!J109']);
  });

  it('binds the views to the generated ranges at another shape', () => {
    const shape = { ...SAMPLE_SHAPE, regions: [...SAMPLE_SHAPE.regions, '东北 Northeast'], reps: [...SAMPLE_SHAPE.reps, { name: 'NE01', region: '东北 Northeast', level: '代表 Rep' }] };
    const b = targetGenerator.generate({ shape, inputs: {}, names: new Map() });
    const final = b.layout.find((i) => i.id === 'B_Target.final')!;
    const L = targetLayout(shape);
    expect(final.ranges.rowLabels).toBe(`A${L.finalRows.first + 1}:A${L.finalRows.last + 1}`);
    expect(L.finalRows.last - L.finalRows.first + 1).toBe(5);
    const quotas = b.layout.find((i) => i.id === 'B_Target.quotas')!;
    expect(quotas.ranges.values).toBe(`J${L.repRows.first + 1}:J${L.repRows.last + 1}`);
  });
});
