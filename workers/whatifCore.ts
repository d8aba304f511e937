/**
 * What-if analyses over an `EngineNotebook`: sensitivity (tornado), one- and two-way data
 * tables, goal seek, Monte Carlo and the scenario bridge. Pure functions of a HyperFormula copy
 * of the notebook, so Node tests and the bench run them as they are; the pool's web workers
 * (`whatif.worker.ts`) expose them through `WhatIfHost`.
 *
 * How a run treats the copy: a `Sandbox` overrides input cells with constants (formula cells
 * too — the spec's D_Expense sensitivity moves the formula cell "revenue"), one evaluation pass
 * per point, and puts every original content back when the run ends, also when it fails or is
 * cancelled. Moving from one point to the next restores the previous point's cells in the same
 * pass, so a tornado of n inputs costs 2n + 1 recalculations, not 3n.
 *
 * Long runs stay cancellable: between points the run yields to the worker's event loop every
 * `sliceMs` (a cancel message can only arrive then), reports progress, and checks the flag.
 */
import type { RawCellContent, SimpleCellAddress } from 'hyperformula';
import { parseA1, splitSheetRef, toA1 } from '../src/model/address';
import type { RawContent } from '../src/model/cell';
import type { Result } from '../src/model/commands';
import type {
  BridgeResult, BridgeSpec, BridgeStep, DataTable1Result, DataTable1Spec, DataTable2Result, DataTable2Spec,
  GoalSeekResult, GoalSeekSpec, JobProgress, JobResult, MonteCarloPart, MonteCarloResult, MonteCarloSpec, Outcome,
  TornadoBar, TornadoInput, TornadoPart, TornadoResult, TornadoSpec, WhatIfJob,
} from '../src/model/whatif';
import { distributionProblem, MonteCarloCollector, mergeTornado, sample, trialRandom } from '../src/model/whatif';
import { EngineNotebook, engineNumber, toCellValue, toEngineContent } from './engineCore';
import type { EngineWorkbook } from './engineCore';

/** An expected failure: a bad reference, an input that is not a number, a cancelled run. */
export class WhatIfError extends Error {
  constructor(readonly code: 'badRef' | 'notNumeric' | 'badSpec' | 'cancelled' | 'notOpen', message: string) {
    super(message);
  }
}

/** How a caller watches and stops a run. Every member is optional. */
export interface RunControl {
  /** Checked after each pause; true stops the run with a `cancelled` error. */
  isCancelled?(): boolean;
  /** Called at each pause and at the end. */
  onProgress?(p: JobProgress): void;
  /** Lets the host's event loop run (default: a 0 ms timeout). */
  pause?(): Promise<void>;
  /** Work between pauses, in ms (default 25). */
  sliceMs?: number;
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Lets queued messages (a cancel) in, then continues: a message to ourselves on a MessageChannel.
 * Not `setTimeout(0)`, which browsers clamp to 4 ms once timeouts nest (16 % of a 25 ms slice).
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node: an open port would keep the process alive.
    (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Counts points, pauses every `sliceMs` of work, reports progress, honours cancellation. */
class Pacer {
  private done = 0;
  private last = performance.now();

  constructor(private control: RunControl, private total: number) {}

  async tick(n = 1): Promise<void> {
    this.done += n;
    const now = performance.now();
    if (now - this.last < (this.control.sliceMs ?? 25)) return;
    this.control.onProgress?.({ done: this.done, total: this.total });
    await (this.control.pause ?? nextTask)();
    if (this.control.isCancelled?.()) throw new WhatIfError('cancelled', 'cancelled');
    this.last = performance.now();
  }

  finish(): void {
    this.control.onProgress?.({ done: this.done, total: this.total });
  }
}

/** A resolved cell: its `Sheet!A1` key and HyperFormula address. */
export interface Target {
  key: string;
  addr: SimpleCellAddress;
  /** The workbook name it was given as, if any. */
  name?: string;
}

/**
 * Overrides cells of a notebook's engine and puts them back. Only one point is applied at a
 * time: `set` writes the new point and restores whatever the previous point touched that the
 * new one does not, in one evaluation pass.
 */
export class Sandbox {
  private overridden = new Map<string, { target: Target; original: RawCellContent; current: RawCellContent }>();
  private cache = new Map<string, Target>();

  constructor(readonly book: EngineNotebook) {}

  private get hf() {
    return this.book.hf;
  }

  /** `Sheet!A1`, `'My sheet'!A1` or a workbook name pointing at one cell. */
  resolve(ref: string): Target {
    const cached = this.cache.get(ref);
    if (cached) return cached;
    const target = this.resolveUncached(ref.trim());
    this.cache.set(ref, target);
    return target;
  }

  private resolveUncached(ref: string): Target {
    if (!ref) throw new WhatIfError('badRef', 'empty cell reference');
    if (!ref.includes('!')) {
      const name = this.hf.listNamedExpressions().find((n) => n.toUpperCase() === ref.toUpperCase());
      if (!name) throw new WhatIfError('badRef', `invalid reference ${ref}: not Sheet!A1 and not a workbook name`);
      const expr = this.hf.getNamedExpressionFormula(name) ?? '';
      const t = this.cellOf(expr.replace(/^=/, ''));
      if (!t) throw new WhatIfError('badRef', `invalid reference ${ref}: the name ${name} is ${expr}, not one cell`);
      return { ...t, name };
    }
    const t = this.cellOf(ref);
    if (!t) throw new WhatIfError('badRef', `invalid reference ${ref}`);
    return t;
  }

  private cellOf(text: string): Target | null {
    const { sheet, ref } = splitSheetRef(text);
    if (sheet === undefined) return null;
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new WhatIfError('badRef', `invalid reference ${text}: no sheet named ${sheet}`);
    const pos = parseA1(ref);
    if (!pos) return null;
    const name = this.hf.getSheetName(id) ?? sheet;
    return { key: `${name}!${toA1(pos)}`, addr: { sheet: id, ...pos } };
  }

  read(t: Target): Outcome {
    const v = this.hf.getCellValue(t.addr);
    return typeof v === 'number' ? engineNumber(v) : null;
  }

  /** The cell's current value as an input: a number, or 0 when empty. */
  inputValue(t: Target): number {
    const v = this.hf.getCellValue(t.addr);
    if (typeof v === 'number') return engineNumber(v);
    if (v === null || v === undefined) return 0;
    const shown = toCellValue(v);
    const what = typeof shown === 'object' && shown !== null ? shown.error : JSON.stringify(shown);
    throw new WhatIfError('notNumeric', `${t.name ?? t.key} holds ${what}, not a number`);
  }

  /** The document's own content of a cell (before any override). */
  original(t: Target): RawCellContent {
    const o = this.overridden.get(t.key);
    return o ? o.original : this.hf.getCellSerialized(t.addr);
  }

  /** Applies one point (and restores cells of the previous point that it does not set). */
  set(writes: [Target, RawCellContent][]): void {
    const hf = this.hf;
    const keep = new Set(writes.map(([t]) => t.key));
    const todo: [SimpleCellAddress, RawCellContent][] = [];
    for (const [key, o] of this.overridden) {
      if (!keep.has(key)) {
        todo.push([o.target.addr, o.original]);
        this.overridden.delete(key);
      }
    }
    for (const [t, value] of writes) {
      const o = this.overridden.get(t.key);
      if (o) {
        if (o.current === value) continue;
        o.current = value;
      } else {
        this.overridden.set(t.key, { target: t, original: hf.getCellSerialized(t.addr), current: value });
      }
      todo.push([t.addr, value]);
    }
    if (todo.length === 0) return;
    hf.suspendEvaluation();
    try {
      for (const [addr, value] of todo) hf.setCellContents(addr, [[value]]);
    } finally {
      hf.resumeEvaluation();
    }
  }

  /** Puts every overridden cell back (one evaluation pass). */
  restore(): void {
    this.set([]);
  }
}

async function guarded<T>(book: EngineNotebook, run: (box: Sandbox) => Promise<T>): Promise<Result<T>> {
  const box = new Sandbox(book);
  try {
    return { ok: true, value: await run(box) };
  } catch (e) {
    if (e instanceof WhatIfError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'engine', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    box.restore();
  }
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function ensureNumbers(what: string, xs: unknown[]): number[] {
  for (const x of xs) if (!finite(x)) throw new WhatIfError('badSpec', `invalid ${what}: ${JSON.stringify(x)}`);
  return xs as number[];
}

// ---------------------------------------------------------------------------------------------
// Sensitivity (tornado)

/** The tornado for the inputs at positions `only` (default: all); merge parts with `mergeTornado`. */
export async function tornadoPart(book: EngineNotebook, spec: TornadoSpec, control: RunControl = {}, only?: number[]): Promise<Result<TornadoPart>> {
  return guarded(book, async (box) => {
    const output = box.resolve(spec.output);
    const base = box.read(output);
    const indices = only ?? spec.inputs.map((_, i) => i);
    // Every input's base value is read before anything moves.
    const bars = indices.map((index) => {
      const input = spec.inputs[index];
      if (!input) throw new WhatIfError('badSpec', `invalid input index ${index}`);
      return planBar(box, input, index, spec.delta ?? 0.1);
    });
    const pacer = new Pacer(control, indices.length * 2);
    for (const bar of bars) {
      if (!bar.problem) {
        const targets = bar.refs.map((r) => box.resolve(r));
        box.set(targets.map((t, i) => [t, bar.lowWrites?.[i] ?? bar.inputLow[i]]));
        bar.low = box.read(output);
        await pacer.tick();
        box.set(targets.map((t, i) => [t, bar.highWrites?.[i] ?? bar.inputHigh[i]]));
        bar.high = box.read(output);
        await pacer.tick();
        bar.swing = bar.low !== null && bar.high !== null ? Math.abs(bar.high - bar.low) : null;
        if (bar.mode === 'relative' && bar.delta && base !== null && base !== 0 && bar.high !== null) {
          bar.coefficient = (bar.high - base) / base / bar.delta;
        }
      } else {
        await pacer.tick(2);
      }
    }
    pacer.finish();
    for (const bar of bars) {
      delete bar.lowWrites;
      delete bar.highWrites;
    }
    return { output: output.key, base, bars: bars as TornadoBar[] };
  });
}

/** A bar being computed: the contents written at each end when they are formulas, not numbers. */
type PlannedBar = TornadoBar & { lowWrites?: string[]; highWrites?: string[] };

function planBar(box: Sandbox, input: TornadoInput, index: number, defaultDelta: number): PlannedBar {
  const refs = Array.isArray(input.ref) ? input.ref : [input.ref];
  if (refs.length === 0) throw new WhatIfError('badSpec', `input ${index + 1} names no cell`);
  const targets = refs.map((r) => box.resolve(r));
  const explicit = input.low !== undefined || input.high !== undefined;
  const mode = explicit ? 'values' : (input.mode ?? 'relative');
  const delta = explicit ? null : (input.delta ?? defaultDelta);
  const bar: PlannedBar = {
    index,
    label: input.label ?? refs.join(' + '),
    refs: targets.map((t) => t.key),
    mode,
    delta,
    inputBase: [],
    inputLow: [],
    inputHigh: [],
    low: null,
    high: null,
    swing: null,
    coefficient: null,
    rank: 0,
  };
  if (explicit && (targets.length !== 1 || !finite(input.low) || !finite(input.high))) {
    throw new WhatIfError('badSpec', `input ${bar.label}: low and high need one cell and two numbers`);
  }
  if (!explicit && !finite(delta)) throw new WhatIfError('badSpec', `input ${bar.label}: invalid delta ${JSON.stringify(delta)}`);
  try {
    bar.inputBase = targets.map((t) => box.inputValue(t));
  } catch (e) {
    if (!(e instanceof WhatIfError)) throw e;
    bar.problem = e.message;
    return bar;
  }
  const d = delta as number;
  for (const [i, t] of targets.entries()) {
    if (mode === 'values') {
      bar.inputLow.push(input.low as number);
      bar.inputHigh.push(input.high as number);
      continue;
    }
    const v = bar.inputBase[i];
    bar.inputLow.push(mode === 'absolute' ? v - d : v * (1 - d));
    bar.inputHigh.push(mode === 'absolute' ? v + d : v * (1 + d));
    // A formula input moves as a formula — `=(C9)*(1-0.1)` — so the run computes with the engine's
    // full-precision value, exactly as the spec's own formulas do, not with the rounded value it exports.
    const raw = box.original(t);
    if (typeof raw === 'string' && raw.startsWith('=')) {
      const body = `(${raw.slice(1)})`;
      const [lo, hi] = mode === 'absolute' ? [`=${body}-${d}`, `=${body}+${d}`] : [`=${body}*(1-${d})`, `=${body}*(1+${d})`];
      (bar.lowWrites ??= [])[i] = lo;
      (bar.highWrites ??= [])[i] = hi;
    } else if (typeof raw === 'number') {
      bar.inputLow[i] = mode === 'absolute' ? raw - d : raw * (1 - d);
      bar.inputHigh[i] = mode === 'absolute' ? raw + d : raw * (1 + d);
    }
  }
  return bar;
}

/** The whole tornado in this thread: every input, sorted by swing. */
export async function tornado(book: EngineNotebook, spec: TornadoSpec, control: RunControl = {}): Promise<Result<TornadoResult>> {
  const part = await tornadoPart(book, spec, control);
  return part.ok ? { ok: true, value: mergeTornado([part.value]) } : part;
}

// ---------------------------------------------------------------------------------------------
// Data tables

export async function dataTable1(book: EngineNotebook, spec: DataTable1Spec, control: RunControl = {}): Promise<Result<DataTable1Result>> {
  return guarded(book, async (box) => {
    const input = box.resolve(spec.input);
    const outputs = spec.outputs.map((r) => box.resolve(r));
    if (outputs.length === 0) throw new WhatIfError('badSpec', 'a data table needs at least one output');
    const values = ensureNumbers('input value', spec.values);
    const base = { x: box.inputValue(input), values: outputs.map((o) => box.read(o)) };
    const pacer = new Pacer(control, values.length);
    const rows: DataTable1Result['rows'] = [];
    for (const x of values) {
      box.set([[input, x]]);
      rows.push({ x, values: outputs.map((o) => box.read(o)) });
      await pacer.tick();
    }
    pacer.finish();
    return { input: input.key, outputs: outputs.map((o) => o.key), base, rows };
  });
}

export async function dataTable2(book: EngineNotebook, spec: DataTable2Spec, control: RunControl = {}): Promise<Result<DataTable2Result>> {
  return guarded(book, async (box) => {
    const rowInput = box.resolve(spec.rowInput);
    const colInput = box.resolve(spec.colInput);
    if (rowInput.key === colInput.key) throw new WhatIfError('badSpec', `the row and column inputs are the same cell ${rowInput.key}`);
    const output = box.resolve(spec.output);
    const rowValues = ensureNumbers('row value', spec.rowValues);
    const colValues = ensureNumbers('column value', spec.colValues);
    const base = { row: box.inputValue(rowInput), col: box.inputValue(colInput), value: box.read(output) };
    const pacer = new Pacer(control, rowValues.length * colValues.length);
    const grid: Outcome[][] = [];
    for (const r of rowValues) {
      const line: Outcome[] = [];
      for (const c of colValues) {
        box.set([[rowInput, r], [colInput, c]]);
        line.push(box.read(output));
        await pacer.tick();
      }
      grid.push(line);
    }
    pacer.finish();
    return { rowInput: rowInput.key, colInput: colInput.key, output: output.key, rowValues, colValues, base, grid };
  });
}

// ---------------------------------------------------------------------------------------------
// Goal seek

/**
 * Finds the input value that brings the output to the target: first a bracket (the given range,
 * scanned for a crossing when its ends do not straddle the target; or, without a range, a secant
 * guess from the current value and then a widening search), then false position with the
 * Illinois correction inside the bracket (superlinear, exact in one step for linear models, and
 * it never leaves the bracket). A bracket that shrinks to a point without reaching the target is
 * a jump (a threshold), reported as `noSolution`.
 */
export async function goalSeek(book: EngineNotebook, spec: GoalSeekSpec, control: RunControl = {}): Promise<Result<GoalSeekResult>> {
  return guarded(book, async (box) => {
    const input = box.resolve(spec.input);
    const output = box.resolve(spec.output);
    if (!finite(spec.target)) throw new WhatIfError('badSpec', `invalid target ${JSON.stringify(spec.target)}`);
    const target = spec.target;
    const tol = (spec.tolerance ?? 1e-9) * Math.max(1, Math.abs(target));
    const maxIterations = spec.maxIterations ?? 100;
    const start = box.inputValue(input);
    const ranged = spec.lo !== undefined || spec.hi !== undefined;
    if (ranged && (!finite(spec.lo) || !finite(spec.hi) || !(spec.lo < spec.hi))) {
      throw new WhatIfError('badSpec', `invalid range ${JSON.stringify(spec.lo)} … ${JSON.stringify(spec.hi)}: needs two numbers, low < high`);
    }
    const pacer = new Pacer(control, maxIterations);
    let evaluations = 0;
    let closest: { x: number; value: number } | null = null;
    let reached: { min: number; max: number } | null = null;
    let seenLo = start;
    let seenHi = start;

    /** output(x) − target; NaN when the output is not a number. */
    const f = async (x: number): Promise<number> => {
      box.set([[input, x]]);
      evaluations++;
      seenLo = Math.min(seenLo, x);
      seenHi = Math.max(seenHi, x);
      const v = box.read(output);
      await pacer.tick();
      if (v === null) return NaN;
      if (!closest || Math.abs(v - target) < Math.abs(closest.value - target)) closest = { x, value: v };
      reached = reached ? { min: Math.min(reached.min, v), max: Math.max(reached.max, v) } : { min: v, max: v };
      return v - target;
    };
    const solved = (x: number, fx: number): GoalSeekResult => ({
      status: 'solved', input: input.key, output: output.key, target, start, x, value: fx + target, evaluations,
    });
    const none = (reason: 'noSignChange' | 'jump' | 'notNumeric' | 'noConvergence'): GoalSeekResult => ({
      status: 'noSolution',
      input: input.key,
      output: output.key,
      target,
      start,
      reason: reached === null ? 'notNumeric' : reason,
      lo: ranged ? (spec.lo as number) : seenLo,
      hi: ranged ? (spec.hi as number) : seenHi,
      reached,
      closest,
      evaluations,
    });
    const ok = (fx: number) => Math.abs(fx) <= tol;
    const straddle = (fa: number, fb: number) => Number.isFinite(fa) && Number.isFinite(fb) && Math.sign(fa) !== Math.sign(fb);

    // 1. A bracket [a, b] with f(a), f(b) of opposite signs.
    let bracket: [number, number, number, number] | null = null;
    const inRange = !ranged || (start >= (spec.lo as number) && start <= (spec.hi as number));
    const f0 = inRange ? await f(start) : NaN;
    if (inRange && ok(f0)) return solved(start, f0);
    if (ranged) {
      const lo = spec.lo as number;
      const hi = spec.hi as number;
      const fl = await f(lo);
      if (ok(fl)) return solved(lo, fl);
      const fh = await f(hi);
      if (ok(fh)) return solved(hi, fh);
      if (straddle(fl, fh)) {
        // The current value splits the range: keep the half where the sign flips.
        if (inRange && Number.isFinite(f0)) bracket = straddle(fl, f0) ? [lo, start, fl, f0] : [start, hi, f0, fh];
        else bracket = [lo, hi, fl, fh];
      } else {
        // The ends do not straddle the target: look for crossings inside (a curve with a hump).
        const n = 24;
        const pts: [number, number][] = [[lo, fl], [hi, fh]];
        if (inRange) pts.push([start, f0]);
        for (let i = 1; i < n; i++) {
          const x = lo + ((hi - lo) * i) / n;
          const fx = await f(x);
          if (ok(fx)) return solved(x, fx);
          pts.push([x, fx]);
        }
        pts.sort((p, q) => p[0] - q[0]);
        let best: [number, number, number, number] | null = null;
        for (let i = 0; i + 1 < pts.length; i++) {
          const [a, fa] = pts[i];
          const [b, fb] = pts[i + 1];
          if (!straddle(fa, fb)) continue;
          const dist = Math.min(Math.abs(a - start), Math.abs(b - start));
          if (!best || dist < Math.min(Math.abs(best[0] - start), Math.abs(best[1] - start))) best = [a, b, fa, fb];
        }
        bracket = best;
      }
    } else if (Number.isFinite(f0)) {
      // No range: a secant guess first (exact for linear models), then widen until the sign flips.
      const h = Math.abs(start) > 1e-12 ? Math.abs(start) * 0.1 : 0.1;
      const x1 = start + h;
      const f1 = await f(x1);
      if (ok(f1)) return solved(x1, f1);
      if (straddle(f0, f1)) bracket = [start, x1, f0, f1];
      else if (Number.isFinite(f1) && f1 !== f0) {
        const xs = x1 - (f1 * (x1 - start)) / (f1 - f0);
        if (Number.isFinite(xs)) {
          const fs = await f(xs);
          if (ok(fs)) return solved(xs, fs);
          if (straddle(f0, fs)) bracket = xs < start ? [xs, start, fs, f0] : [start, xs, f0, fs];
        }
      }
      for (let k = 1; !bracket && k <= 40; k++) {
        for (const x of [start + h * 2 ** k, start - h * 2 ** k]) {
          const fx = await f(x);
          if (ok(fx)) return solved(x, fx);
          if (straddle(f0, fx)) {
            bracket = x < start ? [x, start, fx, f0] : [start, x, f0, fx];
            break;
          }
        }
      }
    }
    if (!bracket) return none('noSignChange');

    // 2. False position with the Illinois correction inside the bracket.
    let [a, b, fa, fb] = bracket;
    for (let i = 0; i < maxIterations; i++) {
      let c = b - (fb * (b - a)) / (fb - fa);
      if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = (a + b) / 2;
      let fc = await f(c);
      if (!Number.isFinite(fc)) {
        c = (a + b) / 2;
        fc = await f(c);
        if (!Number.isFinite(fc)) return none('notNumeric');
      }
      if (ok(fc)) return solved(c, fc);
      if (Math.sign(fc) !== Math.sign(fb)) {
        a = b;
        fa = fb;
      } else {
        fa /= 2;
      }
      b = c;
      fb = fc;
      if (Math.abs(b - a) <= 1e-13 * Math.max(1, Math.abs(a), Math.abs(b))) return none('jump');
    }
    return none('noConvergence');
  });
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo

/** Trials [from, to) of a Monte Carlo run (the default: all of them). */
export async function monteCarloPart(book: EngineNotebook, spec: MonteCarloSpec, control: RunControl = {}, from = 0, to = spec.trials): Promise<Result<MonteCarloPart>> {
  return guarded(book, async (box) => {
    if (!(Number.isInteger(spec.trials) && spec.trials > 0)) throw new WhatIfError('badSpec', `invalid trials ${JSON.stringify(spec.trials)}: a whole number > 0`);
    if (!finite(spec.seed)) throw new WhatIfError('badSpec', `invalid seed ${JSON.stringify(spec.seed)}`);
    if (spec.inputs.length === 0) throw new WhatIfError('badSpec', 'a Monte Carlo run needs at least one input with a distribution');
    if (spec.outputs.length === 0) throw new WhatIfError('badSpec', 'a Monte Carlo run needs at least one output');
    const inputs = spec.inputs.map((i) => {
      const problem = distributionProblem(i.dist);
      if (problem) throw new WhatIfError('badSpec', `${i.label ?? i.ref}: ${problem}`);
      const t = box.resolve(i.ref);
      box.inputValue(t); // an input must hold a number (or nothing)
      return { target: t, dist: i.dist };
    });
    const outputs = spec.outputs.map((r) => box.resolve(r));
    const base = outputs.map((o) => box.read(o));
    const lo = Math.max(0, from);
    const hi = Math.min(spec.trials, to);
    const values = outputs.map(() => new Float64Array(Math.max(0, hi - lo)));
    const pacer = new Pacer(control, hi - lo);
    const writes: [Target, RawCellContent][] = inputs.map((i) => [i.target, 0]);
    for (let t = lo; t < hi; t++) {
      const rand = trialRandom(spec.seed, t);
      for (let i = 0; i < inputs.length; i++) writes[i][1] = sample(inputs[i].dist, rand);
      box.set(writes);
      for (let o = 0; o < outputs.length; o++) values[o][t - lo] = box.read(outputs[o]) ?? NaN;
      await pacer.tick();
    }
    pacer.finish();
    return { from: lo, to: hi, inputs: inputs.map((i) => i.target.key), outputs: outputs.map((o) => o.key), base, values };
  });
}

/** A whole Monte Carlo run in this thread: percentiles and histograms of every output. */
export async function monteCarlo(book: EngineNotebook, spec: MonteCarloSpec, control: RunControl = {}): Promise<Result<MonteCarloResult>> {
  const part = await monteCarloPart(book, spec, control);
  if (!part.ok) return part;
  const c = new MonteCarloCollector(spec);
  c.add(part.value);
  return { ok: true, value: c.result() };
}

// ---------------------------------------------------------------------------------------------
// Scenario bridge

const rawOf = (v: RawCellContent): RawContent | null => (v === null || v === undefined ? null : (v as RawContent));
const sameRaw = (a: RawContent | null, b: RawContent | null) => a === b;

/**
 * From one scenario to another, one changed input at a time: the output before, after each step
 * (with the earlier steps kept), and after; the steps' deltas add up to the whole change.
 * Steps follow the order of the `to` overrides, then inputs only the `from` side overrides.
 */
export async function scenarioBridge(book: EngineNotebook, spec: BridgeSpec, control: RunControl = {}): Promise<Result<BridgeResult>> {
  return guarded(book, async (box) => {
    const output = box.resolve(spec.output);
    const keys = [...new Set([...Object.keys(spec.to), ...Object.keys(spec.from)])];
    const cells = keys.map((k) => {
      const t = box.resolve(k);
      const doc = rawOf(box.original(t));
      const fromRaw = k in spec.from ? (spec.from[k] ?? null) : doc;
      const toRaw = k in spec.to ? (spec.to[k] ?? null) : doc;
      return { t, fromRaw, toRaw };
    });
    const changed = cells.filter((c) => !sameRaw(c.fromRaw, c.toRaw));
    const state = new Map<string, [Target, RawCellContent]>();
    for (const c of cells) if (c.fromRaw !== rawOf(box.original(c.t))) state.set(c.t.key, [c.t, toEngineContent(c.fromRaw)]);
    box.set([...state.values()]);
    const start = box.read(output);
    const pacer = new Pacer(control, changed.length);
    const steps: BridgeStep[] = [];
    let prev = start;
    for (const c of changed) {
      state.set(c.t.key, [c.t, toEngineContent(c.toRaw)]);
      box.set([...state.values()]);
      const value = box.read(output);
      steps.push({ ref: c.t.key, fromRaw: c.fromRaw, toRaw: c.toRaw, value, delta: value !== null && prev !== null ? value - prev : null });
      prev = value;
      await pacer.tick();
    }
    pacer.finish();
    return { output: output.key, start, end: prev, steps };
  });
}

// ---------------------------------------------------------------------------------------------
// The worker's API

/**
 * What a pool worker exposes: one copy of the notebook, the analyses over it, and cancellation.
 * Plain data in and out (comlink); expected failures come back as `{ ok: false, error }`.
 */
export class WhatIfHost {
  private book: EngineNotebook | null = null;
  private loaded = -1;
  private cancelled = new Set<number>();

  /** (Re)builds the copy from the document; `version` tells the pool which document it holds. */
  open(workbook: EngineWorkbook, version: number): { ms: number } {
    const t0 = performance.now();
    this.book?.destroy();
    this.book = null;
    this.book = new EngineNotebook(workbook);
    this.loaded = version;
    return { ms: performance.now() - t0 };
  }

  version(): number {
    return this.loaded;
  }

  /**
   * Runs a small sensitivity over a spread of the copy's number inputs (and restores them), so
   * the engine's code is compiled before the user's first analysis: a cold worker takes 3–4×
   * longer for its first run. The pool calls it once per worker, when the panel opens.
   */
  async warmUp(maxInputs = 16): Promise<{ ms: number; inputs: number }> {
    const book = this.book;
    if (!book) return { ms: 0, inputs: 0 };
    const t0 = performance.now();
    const hf = book.hf;
    const refs: string[] = [];
    for (const name of hf.getSheetNames()) {
      const id = hf.getSheetId(name);
      if (id === undefined) continue;
      const grid = hf.getSheetSerialized(id);
      grid.forEach((row, r) => row.forEach((v, c) => {
        if (typeof v === 'number' && v !== 0) refs.push(`${name}!${toA1({ row: r, col: c })}`);
      }));
    }
    const step = Math.max(1, Math.floor(refs.length / maxInputs));
    const inputs = refs.filter((_, i) => i % step === 0).slice(0, maxInputs).map((ref) => ({ ref }));
    const output = refs[refs.length - 1];
    if (output) await tornadoPart(book, { output, inputs, delta: 0.01 }, { sliceMs: 1e9 });
    return { ms: performance.now() - t0, inputs: inputs.length };
  }

  cancel(jobId: number): void {
    this.cancelled.add(jobId);
  }

  /** Runs one job; the answer carries the worker's own time for it (`ms`), for the pool's figures. */
  async run(jobId: number, job: WhatIfJob, onProgress?: (p: JobProgress) => void): Promise<Result<JobResult> & { ms?: number }> {
    const book = this.book;
    if (!book) return { ok: false, error: { code: 'notOpen', message: 'no notebook loaded in this worker' } };
    const control: RunControl = {
      isCancelled: () => this.cancelled.has(jobId),
      onProgress: onProgress ? (p) => void onProgress(p) : undefined,
    };
    const t0 = performance.now();
    try {
      if (this.cancelled.has(jobId)) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
      const r: Result<JobResult> = await this.dispatch(book, job, control);
      return { ...r, ms: performance.now() - t0 };
    } finally {
      this.cancelled.delete(jobId);
    }
  }

  private dispatch(book: EngineNotebook, job: WhatIfJob, control: RunControl): Promise<Result<JobResult>> {
    switch (job.kind) {
      case 'tornado':
        return tornadoPart(book, job.spec, control, job.only);
      case 'dataTable1':
        return dataTable1(book, job.spec, control);
      case 'dataTable2':
        return dataTable2(book, job.spec, control);
      case 'goalSeek':
        return goalSeek(book, job.spec, control);
      case 'monteCarlo':
        return monteCarloPart(book, job.spec, control, job.from, job.to);
      case 'bridge':
        return scenarioBridge(book, job.spec, control);
    }
  }

  close(): void {
    this.book?.destroy();
    this.book = null;
    this.loaded = -1;
  }

  ping(): string {
    return 'pong';
  }
}
