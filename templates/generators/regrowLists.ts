/**
 * The Structure panel's four lists → the new shape and the renames in it. A region or level
 * renamed in place (same position, old name gone, new name unseen) is renamed in the roster too,
 * so renaming `华东 East` does not mean retyping every rep of the region; lines and reps renamed
 * in place carry their inputs the same way (see `regrow.ts`).
 */
import type { ClientShape } from './shape';
import type { SetupError, StructureList } from './setupParse';
import { parseStructure, splitLines } from './setupParse';
import type { Rename } from './regrow';
import { detectRenames } from './regrow';

export type StructureChange = { ok: true; shape: ClientShape; renames: Rename[] } | { ok: false; errors: SetupError[] };

const firstCells = (text: string) => splitLines(text).map((l) => l.cells[0]);

/** The roster text with renamed regions (column 2) and levels (column 3) written under their new names. */
function renameInRoster(reps: string, renames: readonly Rename[]): string {
  if (renames.length === 0) return reps;
  const to = (list: StructureList, v: string) => renames.find((r) => r.list === list && r.from.toLowerCase() === v.trim().toLowerCase())?.to ?? v;
  return reps
    .split(/\r\n?|\n/)
    .map((line) => {
      const cells = line.split('\t');
      if (cells.length >= 3) {
        cells[1] = to('regions', cells[1]);
        cells[2] = to('levels', cells[2]);
      }
      return cells.join('\t');
    })
    .join('\n');
}

export function structureChange(shape: ClientShape, lists: Record<StructureList, string>): StructureChange {
  const renames = [
    ...detectRenames('products', shape.products.map((p) => p.name), firstCells(lists.products)),
    ...detectRenames('regions', shape.regions, firstCells(lists.regions)),
    ...detectRenames('levels', shape.levels.map((l) => l.name), firstCells(lists.levels)),
    ...detectRenames('reps', shape.reps.map((p) => p.name), firstCells(lists.reps)),
  ];
  // The old shape under the new names, so history, potential and accounts follow a rename.
  const to = (list: StructureList, name: string) => renames.find((x) => x.list === list && x.from === name)?.to ?? name;
  const renamed: ClientShape = {
    ...shape,
    products: shape.products.map((p) => ({ ...p, name: to('products', p.name) })),
    regions: shape.regions.map((r) => to('regions', r)),
    levels: shape.levels.map((l) => ({ ...l, name: to('levels', l.name) })),
    reps: shape.reps.map((p) => ({ name: to('reps', p.name), region: to('regions', p.region), level: to('levels', p.level) })),
    accounts: shape.accounts?.map((a) => ({ ...a, rep: to('reps', a.rep) })),
  };
  if (!renamed.accounts) delete renamed.accounts;
  const r = parseStructure(renamed, { ...lists, reps: renameInRoster(lists.reps, renames) });
  return r.ok ? { ok: true, shape: r.shape, renames } : r;
}

/** Whether two shapes have the same lists (nothing for the Structure panel to apply). */
export function sameLists(a: ClientShape, b: ClientShape): boolean {
  const pick = (s: ClientShape) => JSON.stringify([s.products, s.regions, s.levels, s.reps]);
  return pick(a) === pick(b);
}
