/**
 * The engine: one HyperFormula instance per open notebook, driven by the same `EditCommand`s
 * as the document and answering with the values that changed. No DOM here; the web worker
 * (`engine.worker.ts`) exposes it through comlink, and Node tests and the bench use it directly.
 */
import { HyperFormula, DetailedCellError } from 'hyperformula';
import type { ConfigParams, ExportedChange, RawCellContent } from 'hyperformula';
import { parseA1, toA1 } from '../src/model/address';
import { isFormula, textForEngine } from '../src/model/cell';
import type { CellValue, RawContent } from '../src/model/cell';
import type { EditCommand, Result, SheetValues, ValueChange } from '../src/model/commands';
import type { NamedExpression, Sheet } from '../src/model/notebook';
import { ENGINE_LIMITS } from '../src/model/limits';
import { pushAll } from '../src/model/arrays';
import { referencedSheets } from '../src/model/formulaText';
import { isStructureCommand, moveAddressMap } from '../src/model/structure';
import { moveFormula } from '../src/model/pointers';
import { beat, instrumentEngine } from './heartbeat';
import { installExcelFunctions } from './excelFunctions';
import { installExcelRounding } from './excelRounding';
import { EXCEL_DATE_CONFIG } from './excelDates';

// Excel's ROUND/ROUNDUP/ROUNDDOWN/MROUND, and the functions the engine lacks, before any engine is built.
installExcelRounding();
installExcelFunctions();

/** What the engine needs of a notebook: sheet contents and names, nothing else. */
export interface EngineWorkbook {
  sheets: Pick<Sheet, 'name' | 'cells'>[];
  names: NamedExpression[];
}

// The grid's size is the model's (src/model/limits.ts), so every stored address fits the engine.
export { ENGINE_LIMITS };

export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  // SUMPRODUCT((cond)*(range)) in the templates needs array arithmetic.
  useArrayArithmetic: true,
  // A formula that only points at an empty cell (`='Other sheet'!C12`) shows 0 in Excel, not blank.
  evaluateNullToZero: true,
  maxRows: ENGINE_LIMITS.maxRows,
  maxColumns: ENGINE_LIMITS.maxColumns,
  // The document keeps its own undo history; HyperFormula's would only cost memory.
  undoLimit: 0,
  // Text dates in arithmetic and DATEVALUE (`"2026-08-08"+1`) as Excel reads them.
  ...EXCEL_DATE_CONFIG,
};

export function toEngineContent(raw: RawContent | null | undefined): RawCellContent {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return isFormula(raw) ? engineFormula(raw) : textForEngine(raw);
  return raw;
}

/** A number in scientific notation as Excel writes it (`1.5E-7`, `2E+3`), at a token's start. */
const SCIENTIFIC = /(^|[^A-Za-z0-9_.$\\'!])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)/g;

/**
 * A formula as the engine parses it. Excel writes exponents with a capital E (`=A1*1E-6`), which
 * the engine's parser does not take (it reads only `1e-6`); outside string literals they are
 * lowered. The document keeps the formula as written.
 */
export function engineFormula(formula: string): string {
  if (!/\dE[+-]?\d/.test(formula)) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SCIENTIFIC, '$1$2e$3')))
    .join('');
}

/**
 * The engine never computes Infinity or NaN (overflow is #NUM!), but its output rounding to 15
 * significant digits overflows at the ends of the double range: 1.7976931348623157e308 comes back
 * as Infinity and 5e-324 as NaN. Excel keeps the largest double and holds numbers below its
 * smallest normal one (2.2e-308) as 0, so those are what the cell shows.
 */
export function engineNumber(v: number): number {
  if (Number.isNaN(v)) return 0;
  if (v === Infinity) return Number.MAX_VALUE;
  if (v === -Infinity) return -Number.MAX_VALUE;
  return v;
}

export function toCellValue(v: unknown): CellValue {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message };
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return engineNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Sparse A1 map → the dense 2-D array `buildFromSheets` and `setSheetContent` take. */
export function toGrid(cells: Record<string, RawContent>): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const [addr, raw] of Object.entries(cells)) {
    const pos = parseA1(addr);
    if (!pos) continue;
    const row = (grid[pos.row] ??= []);
    row[pos.col] = toEngineContent(raw);
  }
  // buildFromSheets wants real arrays, not holes.
  for (let r = 0; r < grid.length; r++) {
    const row = (grid[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return grid;
}

/** What an isolated cell holds in the engine: an error literal, so dependents see `#ERROR!` too. */
const ISOLATED_FORMULA = '=#ERROR!';
/** The message of an isolated cell's value; the UI explains it in the user's language. */
export const ISOLATED_MESSAGE = 'tooComplex';

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * Whether a formula is big enough that the engine's recursive parser or evaluator might run out
 * of stack on it (a 1,000-term sum of 3,000 characters did in a browser worker). Smaller formulas
 * take the fast path; these are set one by one, guarded.
 */
export function mayExhaustStack(raw: RawContent | null | undefined): boolean {
  return typeof raw === 'string' && raw.length > 400 && isFormula(raw);
}

/** Above this many cells in a sheet's bounding box, values are read sparsely. */
const DENSE_READ_CELLS = 4_000_000;


function sameValue(a: CellValue | undefined, b: CellValue): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') return a.error === b.error && a.message === b.message;
  return false;
}

export class EngineNotebook {
  readonly hf: HyperFormula;
  /**
   * Cells whose formula the engine could not take (its parser or evaluator ran out of stack on a
   * formula within Excel's limits): they hold `=#ERROR!` in the engine, so they and their
   * dependents show `#ERROR!` while the rest computes. The document keeps the text as typed.
   * Keyed `sheetId:row:col` (HyperFormula's sheet ids survive renames).
   */
  private isolated = new Set<string>();

  constructor(workbook: EngineWorkbook) {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of workbook.sheets) sheets[s.name] = toGrid(s.cells);
    const names = workbook.names.map((n) => ({ name: n.name, expression: engineFormula(n.expression) }));
    try {
      // One build with sheets and names together: cell-by-cell filling is quadratic.
      this.hf = HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG, names);
      instrumentEngine(this.hf);
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      // One formula too deep for the engine must not stop the notebook: build without the
      // formulas that could be it, then add them one by one, isolating the ones that fail.
      const withheld: { sheet: string; row: number; col: number; formula: string }[] = [];
      for (const s of workbook.sheets) {
        const grid = sheets[s.name];
        for (const [addr, raw] of Object.entries(s.cells)) {
          const pos = parseA1(addr);
          if (!pos || !mayExhaustStack(raw)) continue;
          withheld.push({ sheet: s.name, ...pos, formula: raw as string });
          grid[pos.row][pos.col] = null;
        }
      }
      this.hf = HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG, names);
      instrumentEngine(this.hf);
      for (const w of withheld) this.setGuarded(this.sheetId(w.sheet), w.row, w.col, w.formula);
    }
  }

  /** Sets one formula on its own (evaluation running), isolating it if the engine cannot take it. */
  private setGuarded(sheet: number, row: number, col: number, content: RawCellContent): ExportedChange[] {
    const key = `${sheet}:${row}:${col}`;
    try {
      const out = this.hf.setCellContents({ sheet, row, col }, [[content]]);
      this.isolated.delete(key);
      return out;
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      this.isolated.add(key);
      return this.hf.setCellContents({ sheet, row, col }, [[ISOLATED_FORMULA]]);
    }
  }

  /** The cells isolated as `#ERROR!`, as `Sheet!A1` (for tests and reports). */
  isolatedCells(): string[] {
    return [...this.isolated].map((k) => {
      const [sheet, row, col] = k.split(':').map(Number);
      return `${this.hf.getSheetName(sheet)}!${toA1({ row, col })}`;
    });
  }

  private valueAt(sheet: number, row: number, col: number, v: unknown): CellValue {
    if (this.isolated.size && this.isolated.has(`${sheet}:${row}:${col}`)) return { error: '#ERROR!', message: ISOLATED_MESSAGE };
    return toCellValue(v);
  }

  /** Values of every non-empty cell, for the first paint. */
  allValues(): SheetValues {
    const out: SheetValues = {};
    for (const name of this.hf.getSheetNames()) out[name] = this.sheetValues(name);
    return out;
  }

  sheetValues(name: string): Record<string, CellValue> {
    const id = this.hf.getSheetId(name);
    const values: Record<string, CellValue> = {};
    if (id === undefined) return values;
    // A sparse sheet (XFD1 and A200000) spans billions of cells: a dense read would exhaust the
    // tab's memory, so such sheets are read cell by cell from the engine's own address map.
    const { width, height } = this.hf.getSheetDimensions(id);
    const entries = (this.hf as unknown as { dependencyGraph?: { addressMapping?: { sheetEntries?(s: number): Iterable<[{ row: number; col: number }, unknown]> } } })
      .dependencyGraph?.addressMapping?.sheetEntries?.bind((this.hf as unknown as { dependencyGraph: { addressMapping: object } }).dependencyGraph.addressMapping);
    if (width * height > DENSE_READ_CELLS && entries) {
      for (const [addr] of entries(id)) {
        const v = this.hf.getCellValue({ sheet: id, row: addr.row, col: addr.col });
        if (v !== null && v !== undefined) values[toA1(addr)] = this.valueAt(id, addr.row, addr.col, v);
      }
      return values;
    }
    const grid = this.hf.getSheetValues(id);
    for (let row = 0; row < grid.length; row++) {
      const r = grid[row];
      for (let col = 0; col < r.length; col++) {
        const v = r[col];
        if (v !== null && v !== undefined) values[toA1({ row, col })] = this.valueAt(id, row, col, v);
      }
    }
    return values;
  }

  value(sheet: string, addr: string): CellValue {
    const id = this.hf.getSheetId(sheet);
    const pos = parseA1(addr);
    if (id === undefined || !pos) return { error: '#REF!', message: `no cell ${sheet}!${addr}` };
    return this.valueAt(id, pos.row, pos.col, this.hf.getCellValue({ sheet: id, ...pos }));
  }

  /**
   * Applies commands in one evaluation pass; returns only the cells whose values changed. Formulas
   * big enough to exhaust the engine's stack are set after the pass, one by one, so one that fails
   * is isolated as `#ERROR!` instead of failing the whole edit.
   */
  apply(commands: EditCommand[]): Result<ValueChange[]> {
    const collected: ExportedChange[] = [];
    // Rows/columns inserted or deleted move cells to new addresses, which the engine does not
    // report as changes: those sheets are compared whole, before and after.
    const reshaped = new Map<string, Record<string, CellValue>>();
    for (const c of commands) {
      if (isStructureCommand(c) && !reshaped.has(c.sheet)) reshaped.set(c.sheet, this.sheetValues(c.sheet));
    }
    const deferred: { sheet: number; row: number; col: number; content: RawCellContent }[] = [];
    const add = (changes: ExportedChange[]) => {
      for (const c of changes) collected.push(c);
    };
    try {
      // A command that writes many cells (a paste, a clear, a sheet) or several commands: one
      // evaluation for all of them, not one per write.
      if (commands.length > 1 || commands.some((c) => c.type !== 'setCells' || c.writes.length > 1)) this.hf.suspendEvaluation();
      try {
        for (const cmd of commands) add(this.applyOne(cmd, deferred));
      } finally {
        if (this.hf.isEvaluationSuspended()) add(this.hf.resumeEvaluation());
      }
      for (const d of deferred) add(this.setGuarded(d.sheet, d.row, d.col, d.content));
    } catch (e) {
      return { ok: false, error: { code: isStackOverflow(e) ? 'tooComplex' : 'engine', message: e instanceof Error ? e.message : String(e) } };
    }
    const changes = this.toValueChanges(collected);
    if (reshaped.size === 0) return { ok: true, value: changes };
    const moved = new Set([...reshaped.keys()].map((n) => n.toLowerCase()));
    const out = changes.filter((c) => !moved.has(c.sheet.toLowerCase()));
    for (const [sheet, held] of reshaped) {
      // The caller moves its values with the cells (moveAddressMap) before this answer lands, so
      // the answer is what turns the moved values into the new ones — compared against the old
      // values at their old addresses, a cell whose value changed to what its new address held
      // before (=ROW() one row down) would be left stale.
      let before = held;
      for (const c of commands) if (isStructureCommand(c) && c.sheet.toLowerCase() === sheet.toLowerCase()) before = moveAddressMap(before, c);
      const after = this.sheetValues(sheet);
      for (const [addr, value] of Object.entries(after)) if (!sameValue(before[addr], value)) out.push({ sheet, addr, value });
      for (const addr of Object.keys(before)) if (!(addr in after)) out.push({ sheet, addr, value: null });
    }
    return { ok: true, value: out };
  }

  /**
   * A workbook name's expression as the engine may take it: one that names a sheet the engine does
   * not hold (a removed sheet) reads #REF! — entered as written, it would point into the removed
   * sheet and fail the edit. The document keeps the text, so the sheet's return relinks it.
   */
  private nameExpression(expression: string): string {
    const missing = referencedSheets(expression).some((s) => this.hf.getSheetId(s) === undefined);
    return missing ? '=#REF!' : engineFormula(expression);
  }

  /**
   * A typed formula as the engine may take it: a reference to a sheet the engine does not hold (one
   * removed earlier) reads #REF!, as in Excel — given as written, a range on a removed sheet makes
   * the engine throw. The document keeps the text.
   */
  private cellContent(raw: RawContent | null): RawCellContent {
    if (typeof raw !== 'string' || !isFormula(raw) || !raw.includes('!')) return toEngineContent(raw);
    let text = raw;
    for (const sheet of referencedSheets(raw)) {
      if (this.hf.getSheetId(sheet) === undefined) text = moveFormula(text, undefined, { op: 'removeSheet', sheetId: '', sheet });
    }
    return toEngineContent(text);
  }

  private applyOne(cmd: EditCommand, deferred: { sheet: number; row: number; col: number; content: RawCellContent }[]): ExportedChange[] {
    const hf = this.hf;
    switch (cmd.type) {
      case 'setCells': {
        const id = this.sheetId(cmd.sheet);
        const out: ExportedChange[] = [];
        for (const w of cmd.writes) {
          const pos = parseA1(w.addr);
          if (!pos) throw new Error(`invalid address: ${w.addr}`);
          if (mayExhaustStack(w.raw)) {
            deferred.push({ sheet: id, ...pos, content: this.cellContent(w.raw) });
            continue;
          }
          if (this.isolated.size) this.isolated.delete(`${id}:${pos.row}:${pos.col}`);
          // No spreading: one write may report thousands of changes (a long dependent chain).
          for (const c of hf.setCellContents({ sheet: id, ...pos }, [[this.cellContent(w.raw)]])) out.push(c);
        }
        return out;
      }
      case 'setFormats':
      case 'setColWidths':
      case 'setLayout':
      case 'setLayoutKey':
      case 'setScenarios':
      case 'logDecisions':
        return []; // see `reachesEngine`: the session does not send these, an older caller may
      case 'addSheet': {
        const name = hf.addSheet(cmd.sheet.name);
        const out = hf.setSheetContent(this.sheetId(name), toGrid(cmd.sheet.cells));
        // A sheet coming back (undoing its removal): formulas and names that named it read it again.
        for (const c of cmd.relink?.cells ?? []) {
          const pos = parseA1(c.addr);
          const id = hf.getSheetId(c.sheet);
          if (pos && id !== undefined) pushAll(out, hf.setCellContents({ sheet: id, ...pos }, [[c.raw]]));
        }
        for (const n of cmd.relink?.names ?? []) {
          if (hf.getNamedExpression(n.name)) pushAll(out, hf.changeNamedExpression(n.name, this.nameExpression(n.expression)));
        }
        return out;
      }
      case 'insertRows':
      case 'deleteRows':
      case 'insertColumns':
      case 'deleteColumns': {
        const id = this.sheetId(cmd.sheet);
        const span: [number, number] = [cmd.at, cmd.count];
        const out =
          cmd.type === 'insertRows' ? hf.addRows(id, span)
          : cmd.type === 'deleteRows' ? hf.removeRows(id, span)
          : cmd.type === 'insertColumns' ? hf.addColumns(id, span)
          : hf.removeColumns(id, span);
        // Undoing a deletion: put back exactly what was there (a deleted row's cells, formulas that read
        // #REF!). An exact delete (undoing an insert, redoing a delete) needs nothing more: it starts
        // from the very state the engine's own insert or delete left or found, and its rewrite is the
        // same arithmetic backwards — and setting a whole sheet again costs far more than the move.
        if (cmd.exact && (cmd.type === 'insertRows' || cmd.type === 'insertColumns')) {
          pushAll(out, hf.setSheetContent(id, toGrid(cmd.exact.sheet.cells)));
          for (const o of cmd.exact.others) {
            const pos = parseA1(o.addr);
            const sid = hf.getSheetId(o.sheet);
            if (pos && sid !== undefined) pushAll(out, hf.setCellContents({ sheet: sid, ...pos }, [[toEngineContent(o.raw)]]));
          }
          pushAll(out, this.applyOne({ type: 'setNames', names: cmd.exact.names }, deferred));
        }
        return out;
      }
      case 'removeSheet': {
        // The engine turns formulas that read the sheet into #REF!, but not workbook names: those
        // keep pointing into the removed sheet and break a later edit ("no sheet with id"). They read
        // #REF! here too; undoing the removal enters them again (`relink`).
        const lower = cmd.name.toLowerCase();
        const readers = hf.listNamedExpressions().filter((n) => {
          const expr = hf.getNamedExpressionFormula(n);
          return typeof expr === 'string' && referencedSheets(expr).some((x) => x.toLowerCase() === lower);
        });
        const out = hf.removeSheet(this.sheetId(cmd.name));
        for (const n of readers) out.push(...hf.changeNamedExpression(n, '=#REF!'));
        return out;
      }
      case 'renameSheet':
        hf.renameSheet(this.sheetId(cmd.from), cmd.to);
        return [];
      case 'moveSheet':
        // Sheet order is a document/view matter; HyperFormula addresses sheets by id.
        return [];
      case 'replaceSheet':
        return hf.setSheetContent(this.sheetId(cmd.sheet.name), toGrid(cmd.sheet.cells));
      case 'setNames': {
        const out: ExportedChange[] = [];
        const wanted = new Map(cmd.names.map((n) => [n.name.toUpperCase(), n]));
        for (const existing of hf.listNamedExpressions()) {
          if (!wanted.has(existing.toUpperCase())) for (const c of hf.removeNamedExpression(existing)) out.push(c);
        }
        const have = new Set(hf.listNamedExpressions().map((n) => n.toUpperCase()));
        for (const n of cmd.names) {
          const expr = this.nameExpression(n.expression);
          const changes = have.has(n.name.toUpperCase()) ? hf.changeNamedExpression(n.name, expr) : hf.addNamedExpression(n.name, expr);
          for (const c of changes) out.push(c);
        }
        return out;
      }
    }
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  private toValueChanges(changes: ExportedChange[]): ValueChange[] {
    const names = new Map<number, string>();
    const seen = new Map<string, ValueChange>();
    for (const ch of changes) {
      if (!('address' in ch)) continue; // named-expression changes: their cells report too
      const { sheet, row, col } = ch.address;
      let name = names.get(sheet);
      if (name === undefined) {
        name = this.hf.getSheetName(sheet) ?? '';
        names.set(sheet, name);
      }
      const addr = toA1({ row, col });
      // A later change of the same cell (within one batch) wins.
      seen.set(`${name}!${addr}`, { sheet: name, addr, value: this.valueAt(sheet, row, col, ch.newValue) });
    }
    return [...seen.values()];
  }

  destroy(): void {
    this.hf.destroy();
  }
}

/** The API the engine worker exposes: notebooks by id, plain data in and out. */
export class EngineHost {
  private books = new Map<string, EngineNotebook>();

  /** Builds the notebook's engine; a workbook the engine cannot build is a failure value. */
  open(id: string, workbook: EngineWorkbook): Result<SheetValues> {
    this.books.get(id)?.destroy();
    this.books.delete(id);
    try {
      const book = new EngineNotebook(workbook);
      this.books.set(id, book);
      return { ok: true, value: book.allValues() };
    } catch (e) {
      return { ok: false, error: { code: 'build', message: e instanceof Error ? e.message : String(e) } };
    }
  }

  /** The functions the engine implements (for reports of what an imported file uses). */
  functionNames(): string[] {
    return HyperFormula.getRegisteredFunctionNames('enGB');
  }

  close(id: string): void {
    this.books.get(id)?.destroy();
    this.books.delete(id);
  }

  apply(id: string, commands: EditCommand[]): Result<ValueChange[]> {
    beat(); // picked up: the watchdog hears the worker before the recalculation's own beats
    const book = this.books.get(id);
    if (!book) return { ok: false, error: { code: 'closed', message: `notebook ${id} is not open` } };
    return book.apply(commands);
  }

  values(id: string, sheet: string): Record<string, CellValue> {
    return this.books.get(id)?.sheetValues(sheet) ?? {};
  }

  ping(): string {
    return 'pong';
  }
}
