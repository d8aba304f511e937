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
});
