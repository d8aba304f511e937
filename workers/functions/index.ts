/**
 * INDEX(array, row, [column], [area]) as Excel reads it: over a one-row array a lone index picks
 * the column (`INDEX(B2:M2, 3)` is D2); a row or column of 0 (or left empty) takes the whole
 * column or row, whose first value a cell shows; an index beyond the array is #REF!, a negative
 * one #VALUE!, an area other than 1 #REF!.
 */
import { CellError, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, value } from './values';

const ref = (message: string) => new CellError(ErrorType.REF, message);

export function indexOf(grid: unknown[][], row: number | undefined, col: number | undefined, area: number | undefined): unknown {
  const h = grid.length;
  const w = grid[0]?.length ?? 0;
  if (area !== undefined && Math.trunc(area) !== 1) return area < 1 ? value('The area must be 1 or more.') : ref('There is one area.');
  let r = Math.trunc(row ?? 0);
  let c = col === undefined ? undefined : Math.trunc(col);
  if (c === undefined) {
    if (h === 1 && w > 1) {
      c = r;
      r = 1;
    } else c = w === 1 ? 1 : 0;
  }
  if (r < 0 || c < 0) return value('An index cannot be negative.');
  if (r > h || c > w) return ref('The index is beyond the array.');
  return grid[Math.max(r, 1) - 1][Math.max(c, 1) - 1];
}

const OPTIONAL_NUMBER = { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, emptyAsDefault: true };

export class IndexPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    INDEX: { method: 'index', parameters: [{ argumentType: FunctionArgumentType.RANGE }, OPTIONAL_NUMBER, OPTIONAL_NUMBER, OPTIONAL_NUMBER] },
  };

  index(ast: unknown, state: unknown) {
    return this.run('INDEX', ast, state, (range: unknown, row?: number, col?: number, area?: number) => {
      const grid = range instanceof SimpleRangeValue ? range.data : [[range]];
      return indexOf(grid, row, col, area);
    });
  }
}
