/** The Structure panel's lists → new shape and renames: a region renamed in place is renamed in the roster and keeps its history. */
import { describe, expect, it } from 'vitest';
import { sameLists, structureChange } from '../../templates/generators/regrowLists';
import { structureToLists } from '../../templates/generators/setupParse';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';

describe('structureChange', () => {
  it('renaming a region in place renames it in the roster and keeps its history and accounts', () => {
    const lists = structureToLists(SAMPLE_SHAPE);
    const r = structureChange(SAMPLE_SHAPE, { ...lists, regions: lists.regions.replace('华南 South', '华南区 South China'), reps: lists.reps.replace('E01\t', 'E1\t') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.renames).toEqual([{ list: 'regions', from: '华南 South', to: '华南区 South China' }, { list: 'reps', from: 'E01', to: 'E1' }]);
    expect(r.shape.reps.filter((x) => x.region === '华南区 South China').map((x) => x.name)).toEqual(['S01', 'S02', 'S03']);
    expect(r.shape.history).toEqual(SAMPLE_SHAPE.history);
    expect(r.shape.accounts?.map((a) => a.rep)).toEqual(['E1', 'E1', 'E1', 'E1', 'E1']);
  });

  it('a reorder is no rename; an unchanged list is the same shape', () => {
    const lists = structureToLists(SAMPLE_SHAPE);
    const r = structureChange(SAMPLE_SHAPE, { ...lists, products: 'P2\nP1\nP3\nP4\tnew' });
    expect(r.ok && r.renames).toEqual([]);
    expect(r.ok && sameLists(r.shape, SAMPLE_SHAPE)).toBe(false);
    const same = structureChange(SAMPLE_SHAPE, lists);
    expect(same.ok && sameLists(same.shape, SAMPLE_SHAPE)).toBe(true);
  });

  it('a bad roster is refused with its line', () => {
    const lists = structureToLists(SAMPLE_SHAPE);
    const r = structureChange(SAMPLE_SHAPE, { ...lists, reps: lists.reps + '\nX01\t火星 Mars\t代表 Rep' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toMatchObject([{ field: 'reps', line: 13, code: 'unknownRegion' }]);
  });
});
