/**
 * INDIRECT (A1 and R1C1 text, any sheet of the workbook), ROW / COLUMN that also take an
 * INDIRECT for their reference (`ROW(INDIRECT(A3))`), and CELL for what an engine knows of a cell
 * ("address", "row", "col", "contents", "type"; not formats, widths or the file's name). The engine builds its dependency graph from
 * the formulas' text, so the cells an INDIRECT names are not in it: INDIRECT is volatile
 * (recomputed on every change, as in Excel), and a formula cell it reads before the engine reached
 * it is computed there and then. A cell that changes in the same edit may be read before the
 * engine recomputes it; the next change reads it anew.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { EXCEL_LIMITS } from '../../src/model/limits';
import { toA1 } from '../../src/model/address';
import { ExcelPlugin, plain, value } from './values';

export interface Area {
  /** Sheet name as written, or undefined for the formula's sheet. */
  sheet?: string;
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ref = (message: string) => new CellError(ErrorType.REF, message);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const A1_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const A1_COLS = /^\$?([A-Za-z]{1,3})$/;
const A1_ROWS = /^\$?(\d{1,7})$/;
const R1C1_CELL = /^[Rr](\[-?\d+\]|\d+)?[Cc](\[-?\d+\]|\d+)?$/;
const R1C1_ROWS = /^[Rr](\[-?\d+\]|\d+)?$/;
const R1C1_COLS = /^[Cc](\[-?\d+\]|\d+)?$/;

/** `Sheet!rest`, `'It''s'!rest`, or `rest`. */
function splitSheet(text: string): { sheet?: string; rest: string } | undefined {
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    return m ? { sheet: m[1].replace(/''/g, "'"), rest: m[2] } : undefined;
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { rest: text } : { sheet: text.slice(0, bang), rest: text.slice(bang + 1) };
}

type Part = { row?: number; col?: number };

function a1Part(text: string): Part | undefined {
  let m = A1_CELL.exec(text);
  if (m) return { col: columnNumber(m[1]) - 1, row: Number(m[2]) - 1 };
  m = A1_COLS.exec(text);
  if (m) return { col: columnNumber(m[1]) - 1 };
  m = A1_ROWS.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

/** An R1C1 offset: `[n]` relative to the formula's cell, `n` absolute (1-based), nothing the same row / column. */
function r1c1Index(spec: string | undefined, here: number): number {
  if (spec === undefined) return here;
  if (spec.startsWith('[')) return here + Number(spec.slice(1, -1));
  return Number(spec) - 1;
}

function r1c1Part(text: string, at: { row: number; col: number }): Part | undefined {
  let m = R1C1_CELL.exec(text);
  if (m) return { row: r1c1Index(m[1], at.row), col: r1c1Index(m[2], at.col) };
  m = R1C1_ROWS.exec(text);
  if (m) return { row: r1c1Index(m[1], at.row) };
  m = R1C1_COLS.exec(text);
  if (m) return { col: r1c1Index(m[1], at.col) };
  return undefined;
}

/**
 * The area a reference text names, as Excel reads it: `A1`, `$B$2:C9`, `D:D`, `5:5`, leading
 * zeros and lower case allowed, optionally after a sheet name; R1C1 forms (`R2C3`, `R[-1]C`,
 * `R1:R3`) when `a1` is false. Anything else, or beyond Excel's grid, is #REF!.
 */
export function parseReference(text: string, a1: boolean, at: { row: number; col: number }): Area | CellError {
  const split = splitSheet(text.trim());
  if (!split || split.rest === '' || split.sheet === '') return ref('The text is not a reference.');
  const pieces = split.rest.split(':');
  if (pieces.length > 2) return ref('The text is not a reference.');
  const parts = pieces.map((p) => (a1 ? a1Part(p) : r1c1Part(p, at)));
  if (parts.some((p) => p === undefined)) return ref('The text is not a reference.');
  const [p, q] = parts as Part[];
  const whole = (x: Part) => (x.row === undefined ? 'cols' : x.col === undefined ? 'rows' : 'cell');
  // A lone column or row (`D`, `5`) is not a reference; `D:D` and `5:5` are, and must pair alike.
  if (q === undefined ? whole(p) !== 'cell' : whole(p) !== whole(q)) return ref('The text is not a reference.');
  const end = q ?? p;
  const area: Area = {
    sheet: split.sheet,
    top: Math.min(p.row ?? 0, end.row ?? 0),
    bottom: p.row === undefined ? EXCEL_LIMITS.maxRows - 1 : Math.max(p.row, end.row as number),
    left: Math.min(p.col ?? 0, end.col ?? 0),
    right: p.col === undefined ? EXCEL_LIMITS.maxColumns - 1 : Math.max(p.col, end.col as number),
  };
  if (area.top < 0 || area.left < 0 || area.bottom >= EXCEL_LIMITS.maxRows || area.right >= EXCEL_LIMITS.maxColumns) return ref('The reference is outside the grid.');
  return area;
}

interface Address {
  sheet: number;
  row: number;
  col: number;
}
interface Vertex {
  isComputed(): boolean;
  getFormula(lazy: unknown): unknown;
  getAddress(lazy: unknown): Address;
}
interface Graph {
  sheetMapping: { getSheetId(name: string): number | undefined };
  addressMapping: { getCell(a: Address): unknown };
  lazilyTransformingAstService: unknown;
  getCellValue(a: Address): unknown;
}
interface State {
  formulaAddress: Address;
  arraysFlag: boolean;
  formulaVertex?: unknown;
}

const isFormulaVertex = (v: unknown): v is Vertex => typeof (v as Vertex | undefined)?.getFormula === 'function' && typeof (v as Vertex).isComputed === 'function';

/** Cells an INDIRECT may read at once; a whole column of the engine's grid stays within it. */
const MAX_CELLS = 2_000_000;

export class ReferencePlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    INDIRECT: {
      method: 'indirect',
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true }],
      isVolatile: true,
      isDependentOnSheetStructureChange: true,
    },
    CELL: { method: 'cell', parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }], isDependentOnSheetStructureChange: true, vectorizationForbidden: true },
    ROW: { method: 'row', parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }], isDependentOnSheetStructureChange: true, doesNotNeedArgumentsToBeComputed: true, vectorizationForbidden: true },
    COLUMN: { method: 'column', parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }], isDependentOnSheetStructureChange: true, doesNotNeedArgumentsToBeComputed: true, vectorizationForbidden: true },
  };

  /** Formula cells being computed for an INDIRECT, to report a circle instead of recursing forever. */
  private pending = new Set<unknown>();
  /** Values of formula cells computed ahead of the engine, until the engine computes them. */
  private early = new WeakMap<object, unknown>();

  private get graph(): Graph {
    return (this as unknown as { dependencyGraph: Graph }).dependencyGraph;
  }

  private sheetOf(area: Area, state: State): number | CellError {
    if (area.sheet === undefined) return state.formulaAddress.sheet;
    const id = this.graph.sheetMapping.getSheetId(area.sheet);
    return id === undefined ? ref('No sheet has that name.') : id;
  }

  /**
   * A cell's value; a formula the engine has not reached yet is computed here. That result is
   * kept aside, not stored in the cell, so the engine still computes and reports the cell itself.
   */
  private valueAt(address: Address, state: State): unknown {
    const vertex = this.graph.addressMapping.getCell(address);
    if (!isFormulaVertex(vertex) || vertex.isComputed()) return this.graph.getCellValue(address);
    let v = this.early.get(vertex);
    const at = vertex.getAddress(this.graph.lazilyTransformingAstService);
    if (v === undefined) {
      if (this.pending.has(vertex)) return new CellError(ErrorType.CYCLE);
      this.pending.add(vertex);
      try {
        const formula = vertex.getFormula(this.graph.lazilyTransformingAstService);
        const Ctor = state.constructor as new (a: Address, arrays: boolean, v: unknown) => State;
        v = this.evaluateAst(formula as never, new Ctor(at, state.arraysFlag, vertex) as never);
        if (v === EmptyValue && (this as unknown as { config: { evaluateNullToZero: boolean } }).config.evaluateNullToZero) v = 0;
      } finally {
        this.pending.delete(vertex);
      }
      this.early.set(vertex, v);
    }
    if (v instanceof SimpleRangeValue) return v.data[address.row - at.row]?.[address.col - at.col] ?? EmptyValue;
    return v;
  }

  indirect(ast: unknown, state: unknown) {
    return this.run('INDIRECT', ast, state, (text: string, a1: boolean) => {
      const st = state as State;
      const area = parseReference(text, a1, st.formulaAddress);
      if (area instanceof CellError) return area;
      const sheet = this.sheetOf(area, st);
      if (sheet instanceof CellError) return sheet;
      const limits = (this as unknown as { config: { maxRows: number; maxColumns: number } }).config;
      const bottom = Math.min(area.bottom, limits.maxRows - 1);
      const right = Math.min(area.right, limits.maxColumns - 1);
      if (area.top === area.bottom && area.left === area.right) {
        const v = bottom < area.top || right < area.left ? EmptyValue : this.valueAt({ sheet, row: area.top, col: area.left }, st);
        return v instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE) : v;
      }
      if ((bottom - area.top + 1) * (right - area.left + 1) > MAX_CELLS) return ref('The range is too large for this notebook.');
      const data: unknown[][] = [];
      for (let row = area.top; row <= bottom; row++) {
        const line: unknown[] = [];
        for (let col = area.left; col <= right; col++) {
          const v = this.valueAt({ sheet, row, col }, st);
          line.push(v instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE) : v);
        }
        data.push(line);
      }
      return SimpleRangeValue.onlyValues(data as never);
    });
  }

  /** The area of `INDIRECT(...)` given as an argument, or undefined when the argument is something else. */
  private indirectArea(arg: unknown, state: State): Area | CellError | undefined {
    let node = arg as { type: string; expression?: unknown; procedureName?: string; args?: unknown[] };
    while (node.type === 'PARENTHESES') node = node.expression as typeof node;
    if (node.type !== 'FUNCTION_CALL' || node.procedureName?.toUpperCase() !== 'INDIRECT' || !node.args?.length || node.args.length > 2) return undefined;
    const values = node.args.map((a) => this.evaluateAst(a as never, state as never));
    const error = values.find((v): v is CellError => v instanceof CellError);
    if (error) return error;
    const [text, a1 = true] = values;
    if (text instanceof SimpleRangeValue || a1 instanceof SimpleRangeValue) return new CellError(ErrorType.VALUE);
    const area = parseReference(String(text === EmptyValue ? '' : text), a1 === EmptyValue ? false : Boolean(typeof a1 === 'string' ? a1.toUpperCase() !== 'FALSE' : a1), state.formulaAddress);
    if (area instanceof CellError) return area;
    const sheet = this.sheetOf(area, state);
    return sheet instanceof CellError ? sheet : area;
  }

  private position(ast: unknown, state: unknown, name: 'ROW' | 'COLUMN') {
    const st = state as State;
    const args = (ast as { args: unknown[] }).args;
    const area = args.length === 1 ? this.indirectArea(args[0], st) : undefined;
    if (area instanceof CellError) return area;
    if (area) return name === 'ROW' ? area.top + 1 : area.left + 1;
    const self = this as unknown as {
      runFunctionWithReferenceArgument(args: unknown, state: unknown, metadata: unknown, none: () => number, reference: (r: Address) => number): unknown;
      metadata(name: string): unknown;
    };
    const pick = (a: Address) => (name === 'ROW' ? a.row : a.col) + 1;
    return self.runFunctionWithReferenceArgument(args, state, self.metadata(name), () => pick(st.formulaAddress), pick);
  }

  row(ast: unknown, state: unknown) {
    return this.position(ast, state, 'ROW');
  }

  column(ast: unknown, state: unknown) {
    return this.position(ast, state, 'COLUMN');
  }

  /** The cell a reference argument starts at (the formula's own cell when there is none). */
  private referenceStart(arg: unknown, state: State): Address | CellError | undefined {
    if (arg === undefined) return state.formulaAddress;
    let node = arg as { type: string; expression?: unknown; reference?: { toSimpleCellAddress(a: Address): Address }; start?: { toSimpleCellAddress(a: Address): Address } };
    while (node.type === 'PARENTHESES') node = node.expression as typeof node;
    if (node.type === 'CELL_REFERENCE' && node.reference) return node.reference.toSimpleCellAddress(state.formulaAddress);
    if (node.type === 'CELL_RANGE' && node.start) return node.start.toSimpleCellAddress(state.formulaAddress);
    const area = this.indirectArea(node, state);
    if (area instanceof CellError) return area;
    if (area) {
      const sheet = this.sheetOf(area, state);
      return sheet instanceof CellError ? sheet : { sheet, row: area.top, col: area.left };
    }
    return undefined;
  }

  cell(ast: unknown, state: unknown) {
    const st = state as State;
    const refArg = (ast as { args: unknown[] }).args[1];
    return this.run('CELL', ast, state, (info: string, contents: unknown) => {
      const at = this.referenceStart(refArg, st);
      if (at instanceof CellError) return at;
      if (!at) return value('CELL needs a reference.');
      const first = contents instanceof SimpleRangeValue ? plain(contents.data[0]?.[0]) : plain(contents);
      switch (info.toLowerCase()) {
        case 'address': {
          const a1 = toA1({ row: at.row, col: at.col }).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
          if (at.sheet === st.formulaAddress.sheet) return a1;
          const name = (this.graph as unknown as { sheetMapping: { getSheetName(id: number): string | undefined } }).sheetMapping.getSheetName(at.sheet) ?? '';
          return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`}!${a1}`;
        }
        case 'row': return at.row + 1;
        case 'col': return at.col + 1;
        case 'contents': return refArg === undefined ? value('CELL("contents") needs a reference.') : first ?? 0;
        case 'type': return refArg === undefined ? value('CELL("type") needs a reference.') : first === null || first === undefined ? 'b' : typeof first === 'string' ? 'l' : 'v';
        default: return value('CELL knows address, row, col, contents and type.');
      }
    });
  }
}
