/**
 * TEXTSPLIT(text, column delimiter, [row delimiter], [ignore empty], [match mode], [pad with]):
 * the text cut into rows at any row delimiter and each row into columns at any column delimiter
 * (either may be a list), empty pieces dropped when asked, case ignored with match mode 1, short
 * rows padded (#N/A unless told). The engine sizes an array result before any value is known:
 * from literal text and delimiters it is exact; otherwise the formula shows the first piece.
 */
import { ArraySize, CellError, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, firstError, na, value } from './values';

type Node = { type: string; value?: unknown; args?: Node[] };

/** The pieces of `text` at any of the delimiters (the longest wins at one position). */
function cutAt(text: string, delimiters: string[], ignoreCase: boolean): string[] {
  if (!delimiters.length) return [text];
  const hay = ignoreCase ? text.toLowerCase() : text;
  const needles = ignoreCase ? delimiters.map((d) => d.toLowerCase()) : delimiters;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < hay.length; ) {
    const hits = needles.filter((d) => hay.startsWith(d, i));
    if (hits.length) {
      const length = Math.max(...hits.map((d) => d.length));
      out.push(text.slice(start, i));
      i += length;
      start = i;
    } else i++;
  }
  out.push(text.slice(start));
  return out;
}

export function textSplit(text: string, colDelims: string[], rowDelims: string[], ignoreEmpty: boolean, matchMode: number, padWith: unknown): unknown[][] | CellError {
  if (matchMode !== 0 && matchMode !== 1) return value('The match mode must be 0 or 1.');
  const cols = colDelims.filter((d) => d !== '');
  const rowsD = rowDelims.filter((d) => d !== '');
  if (!cols.length && !rowsD.length) return value('A delimiter must not be empty.');
  const keep = (xs: string[]) => (ignoreEmpty ? xs.filter((x) => x !== '') : xs);
  const rows = keep(cutAt(text, rowsD, matchMode === 1)).map((row) => keep(cutAt(row, cols, matchMode === 1)));
  const grid = rows.filter((r) => r.length);
  if (!grid.length) return value('Nothing is left of the text.');
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...new Array(width - r.length).fill(padWith)]);
}

const literalText = (n: Node | undefined): string | undefined => (n?.type === 'STRING' ? String(n.value) : undefined);
const omitted = (n: Node | undefined) => n === undefined || n.type === 'EMPTY';

const delimiterList = (arg: unknown): string[] | CellError => {
  if (arg === undefined || arg === null) return [];
  const cells = cellsOf(arg);
  const error = firstError(cells);
  if (error) return error;
  return cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'boolean' ? (c ? 'TRUE' : 'FALSE') : String(c)));
};

export class TextSplitPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    TEXTSPLIT: {
      method: 'textsplit',
      sizeOfResultArrayMethod: 'textsplitSize',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false, emptyAsDefault: true },
        { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0, emptyAsDefault: true },
        { argumentType: FunctionArgumentType.SCALAR, optionalArg: true },
      ],
      vectorizationForbidden: true,
    },
  };

  /** The pieces when the text and delimiters are literals in the formula, else undefined. */
  private literalGrid(ast: unknown): unknown[][] | undefined {
    const args = ((ast as Node).args ?? []) as Node[];
    const text = literalText(args[0]);
    const col = literalText(args[1]);
    const row = omitted(args[2]) ? '' : literalText(args[2]);
    if (text === undefined || col === undefined || row === undefined || args.length > 3) return undefined;
    const grid = textSplit(text, [col], [row], false, 0, null);
    return grid instanceof CellError ? undefined : grid;
  }

  textsplit(ast: unknown, state: unknown) {
    const sized = this.literalGrid(ast) !== undefined;
    return this.run('TEXTSPLIT', ast, state, (text: string, col: unknown, row: unknown, ignoreEmpty: boolean, matchMode: number, padWith: unknown) => {
      const cols = delimiterList(col);
      if (cols instanceof CellError) return cols;
      const rows = delimiterList(row);
      if (rows instanceof CellError) return rows;
      const grid = textSplit(text, cols, rows, ignoreEmpty, matchMode, padWith === undefined ? na() : padWith);
      if (grid instanceof CellError) return grid;
      return sized ? SimpleRangeValue.onlyValues(grid as never) : grid[0][0];
    });
  }

  textsplitSize(ast: unknown) {
    const grid = this.literalGrid(ast);
    return grid ? new ArraySize(grid[0].length, grid.length) : ArraySize.scalar();
  }
}
