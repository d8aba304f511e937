/**
 * What-if analyses as plain data: the specs the UI builds, the results the engine pool returns,
 * and the pure arithmetic both sides share (seeded random numbers, distributions, percentiles,
 * histograms, merging the parts computed by several workers). No engine here: the analyses
 * themselves run in `workers/whatifCore.ts` over a HyperFormula copy of the notebook.
 *
 * A cell reference (`CellRef`) is `Sheet!A1` or a workbook name that points at one cell
 * (`PO_THRESHOLD`). Inputs may be formula cells too: a what-if run overrides them with constants
 * in the worker's copy (that is how the spec's D_Expense sensitivity moves "price", the formula
 * `D_Expense!C22`) and restores them afterwards. The document is never touched.
 */
import type { RawContent } from './cell';

export type CellRef = string;

/** A number the output took, or `null` when it was not a number (an error, text, empty). */
export type Outcome = number | null;

// ---------------------------------------------------------------------------------------------
// Sensitivity (tornado)

export interface TornadoInput {
  /** One cell, or several cells moved together (volume = revenue and COGS at once). */
  ref: CellRef | CellRef[];
  label?: string;
  /** `relative` (default): each cell × (1 ± delta). `absolute`: each cell ± delta (e.g. ±5 pts as 0.05). */
  mode?: 'relative' | 'absolute';
  /** Overrides the spec's delta for this input. */
  delta?: number;
  /** Explicit low and high values (one cell only); replace `delta`. */
  low?: number;
  high?: number;
}

export interface TornadoSpec {
  output: CellRef;
  inputs: TornadoInput[];
  /** Default ±Δ for inputs that give none; 0.1 = ±10 %. */
  delta?: number;
}

export interface TornadoBar {
  /** Position of the input in the spec. */
  index: number;
  label: string;
  /** The cells moved, as `Sheet!A1`. */
  refs: string[];
  mode: 'relative' | 'absolute' | 'values';
  /** Δ used (`null` when explicit low/high values were given). */
  delta: number | null;
  /** The input cells' base values, and the values at the low and high ends. */
  inputBase: number[];
  inputLow: number[];
  inputHigh: number[];
  /** The output with the inputs at their low / high end. */
  low: Outcome;
  high: Outcome;
  /** |high − low|; `null` when either end is not a number. */
  swing: number | null;
  /** (high − base) / base / Δ, the textbook sensitivity coefficient; relative mode only. */
  coefficient: number | null;
  /** 1 = largest swing; ties share a rank (as `COUNTIF(...,">"&x)+1`). */
  rank: number;
  /** Why this input could not be moved (e.g. it holds text). */
  problem?: string;
}

export interface TornadoResult {
  output: string;
  base: Outcome;
  /** Sorted by swing, largest first. */
  bars: TornadoBar[];
}

/** What one worker returns for its share of the inputs. */
export interface TornadoPart {
  output: string;
  base: Outcome;
  bars: TornadoBar[];
}

// ---------------------------------------------------------------------------------------------
// Data tables

export interface DataTable1Spec {
  input: CellRef;
  values: number[];
  outputs: CellRef[];
}

export interface DataTable1Result {
  input: string;
  outputs: string[];
  /** The input's own value and the outputs there. */
  base: { x: number; values: Outcome[] };
  rows: { x: number; values: Outcome[] }[];
}

export interface DataTable2Spec {
  rowInput: CellRef;
  rowValues: number[];
  colInput: CellRef;
  colValues: number[];
  output: CellRef;
}

export interface DataTable2Result {
  rowInput: string;
  colInput: string;
  output: string;
  rowValues: number[];
  colValues: number[];
  base: { row: number; col: number; value: Outcome };
  /** `grid[r][c]`: the output with rowInput = rowValues[r] and colInput = colValues[c]. */
  grid: Outcome[][];
}

// ---------------------------------------------------------------------------------------------
// Goal seek

export interface GoalSeekSpec {
  input: CellRef;
  output: CellRef;
  target: number;
  /** The range searched; without it the search widens from the input's value outwards. */
  lo?: number;
  hi?: number;
  /** |output − target| accepted, relative to max(1, |target|). Default 1e-9. */
  tolerance?: number;
  maxIterations?: number;
}

export type GoalSeekResult =
  | {
      status: 'solved';
      input: string;
      output: string;
      target: number;
      /** The input's value before the search. */
      start: number;
      x: number;
      value: number;
      evaluations: number;
    }
  | {
      status: 'noSolution';
      input: string;
      output: string;
      target: number;
      start: number;
      /**
       * `noSignChange`: the output never crosses the target in the range; `jump`: it crosses it
       * by a discontinuity (a threshold), so no input value gives the target exactly;
       * `notNumeric`: the output is not a number; `noConvergence`: iterations ran out.
       */
      reason: 'noSignChange' | 'jump' | 'notNumeric' | 'noConvergence';
      /** The range searched. */
      lo: number;
      hi: number;
      /** The lowest and highest output seen in the range. */
      reached: { min: number; max: number } | null;
      /** The input value that came closest, and the output there. */
      closest: { x: number; value: number } | null;
      evaluations: number;
    };

// ---------------------------------------------------------------------------------------------
// Monte Carlo

export type Distribution =
  | { kind: 'triangular'; low: number; likely: number; high: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; low: number; high: number };

export interface MonteCarloInput {
  ref: CellRef;
  dist: Distribution;
  label?: string;
}

export interface MonteCarloSpec {
  inputs: MonteCarloInput[];
  outputs: CellRef[];
  trials: number;
  seed: number;
  /** Histogram bins per output (default 20). */
  bins?: number;
  /**
   * The value an output should reach (`output` as typed in `outputs`; a list of objects rather
   * than a map so that the references follow row and column moves like every saved reference);
   * an output without one is measured against its base (the plan's own number).
   */
  thresholds?: { output: string; value: number }[];
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface OutputSummary {
  ref: string;
  /** The output with every input at its document value. */
  base: Outcome;
  /** Trials whose output was a number. */
  count: number;
  /** Trials whose output was not a number. */
  errors: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  histogram: HistogramBin[];
  /** The value measured against: the spec's threshold, else the base (null when neither is a number). */
  threshold: number | null;
  /** Share of the trials (those without a number count as not reaching) at or above the threshold. */
  pReach: number | null;
}

export interface MonteCarloResult {
  seed: number;
  /** Trials asked for, and trials done (fewer while streaming or after a cancel). */
  trials: number;
  done: number;
  inputs: string[];
  outputs: OutputSummary[];
}

/** One worker's share: trials [from, to) with the outputs' values (NaN = not a number). */
export interface MonteCarloPart {
  from: number;
  to: number;
  inputs: string[];
  outputs: string[];
  base: Outcome[];
  /** `values[o][t - from]`. */
  values: Float64Array[];
}

// ---------------------------------------------------------------------------------------------
// Scenario bridge

/**
 * Contents of input cells keyed by `Sheet!A1` (`null` = empty); cells not listed keep the
 * document's content. `scenarioInputs(nb, id)` of `scenarios.ts` gives a scenario's.
 */
export type Overrides = Record<string, RawContent | null>;

export interface BridgeSpec {
  output: CellRef;
  from: Overrides;
  to: Overrides;
}

export interface BridgeStep {
  ref: string;
  /** Raw contents on the `from` and `to` side (`null`: empty). */
  fromRaw: RawContent | null;
  toRaw: RawContent | null;
  /** The output change this step causes, with every earlier step applied. */
  delta: Outcome;
  /** The output after this step. */
  value: Outcome;
}

export interface BridgeResult {
  output: string;
  start: Outcome;
  end: Outcome;
  /** In the order applied; their deltas add up to end − start. */
  steps: BridgeStep[];
}

// ---------------------------------------------------------------------------------------------
// Jobs: what the pool sends to one worker

export type WhatIfJob =
  | { kind: 'tornado'; spec: TornadoSpec; only?: number[] }
  | { kind: 'dataTable1'; spec: DataTable1Spec }
  | { kind: 'dataTable2'; spec: DataTable2Spec }
  | { kind: 'goalSeek'; spec: GoalSeekSpec }
  | { kind: 'monteCarlo'; spec: MonteCarloSpec; from: number; to: number }
  | { kind: 'bridge'; spec: BridgeSpec };

export interface JobResultMap {
  tornado: TornadoPart;
  dataTable1: DataTable1Result;
  dataTable2: DataTable2Result;
  goalSeek: GoalSeekResult;
  monteCarlo: MonteCarloPart;
  bridge: BridgeResult;
}

export type JobResult = JobResultMap[WhatIfJob['kind']];

/** Progress as a worker reports it: points (or trials) done of the job's total. */
export interface JobProgress {
  done: number;
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded random numbers

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same stream everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The random stream of one trial. Each trial has its own stream derived from (seed, trial), so
 * a run gives the same numbers however its trials are split across workers.
 */
export function trialRandom(seed: number, trial: number): () => number {
  // splitmix-style mixing of the two integers into one 32-bit seed
  let h = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(trial + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return mulberry32(h ^ (h >>> 16));
}

/** Draws one value of `dist` from `rand` (uniform in [0, 1)). */
export function sample(dist: Distribution, rand: () => number): number {
  switch (dist.kind) {
    case 'triangular': {
      const { low: a, likely: c, high: b } = dist;
      if (b <= a) return c; // degenerate: low = likely = high
      const u = rand();
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'uniform': {
      if (dist.high <= dist.low) return dist.low;
      return dist.low + rand() * (dist.high - dist.low);
    }
    case 'normal': {
      if (!(dist.sd > 0)) return dist.mean;
      // Box–Muller; 1 − u keeps the log argument in (0, 1]
      const u1 = 1 - rand();
      const u2 = rand();
      return dist.mean + dist.sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }
}

/** Why a distribution cannot be sampled, or null. */
export function distributionProblem(dist: Distribution): string | null {
  const finite = (...xs: number[]) => xs.every((x) => typeof x === 'number' && Number.isFinite(x));
  switch (dist.kind) {
    case 'triangular':
      if (!finite(dist.low, dist.likely, dist.high)) return 'triangular: low, likely and high must be numbers';
      if (!(dist.low <= dist.likely && dist.likely <= dist.high)) return `triangular: needs low ≤ likely ≤ high (got ${dist.low}, ${dist.likely}, ${dist.high})`;
      return null;
    case 'uniform':
      if (!finite(dist.low, dist.high)) return 'uniform: low and high must be numbers';
      if (dist.low > dist.high) return `uniform: needs low ≤ high (got ${dist.low}, ${dist.high})`;
      return null;
    case 'normal':
      if (!finite(dist.mean, dist.sd)) return 'normal: mean and sd must be numbers';
      if (dist.sd < 0) return `normal: sd must be ≥ 0 (got ${dist.sd})`;
      return null;
    default:
      return `unknown distribution ${(dist as { kind: string }).kind}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** The p-quantile of sorted values, interpolating between order statistics (Excel PERCENTILE.INC). */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(1, Math.max(0, p)) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  const frac = rank - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Equal-width bins from min to max (one bin when every value is the same). */
export function histogram(sorted: ArrayLike<number>, bins: number): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (!(max > min)) return [{ x0: min, x1: max, count: n }];
  const k = Math.max(1, Math.floor(bins));
  const width = (max - min) / k;
  const out: HistogramBin[] = Array.from({ length: k }, (_, i) => ({ x0: min + i * width, x1: i === k - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (let i = 0; i < n; i++) out[Math.min(k - 1, Math.floor((sorted[i] - min) / width))].count++;
  return out;
}

/** Summary of an output's trial values (NaN = the trial's output was not a number). */
export function summarize(ref: string, base: Outcome, values: ArrayLike<number>, bins = 20, threshold?: number): OutputSummary {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const sorted = Float64Array.from(finite).sort();
  const count = sorted.length;
  let mean: number | null = null;
  let sd: number | null = null;
  if (count > 0 && sorted[0] === sorted[count - 1]) {
    // every trial gave the same value: exactly that, with no rounding noise from the sums
    mean = sorted[0];
    sd = 0;
  } else if (count > 0) {
    let sum = 0;
    for (const v of sorted) sum += v;
    mean = sum / count;
    let ss = 0;
    for (const v of sorted) ss += (v - mean) * (v - mean);
    sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
  }
  return {
    ref,
    base,
    count,
    errors: values.length - count,
    mean,
    sd,
    min: count ? sorted[0] : null,
    max: count ? sorted[count - 1] : null,
    p10: percentileSorted(sorted, 0.1),
    p50: percentileSorted(sorted, 0.5),
    p90: percentileSorted(sorted, 0.9),
    histogram: histogram(sorted, bins),
    ...reach(sorted, values.length, threshold ?? (typeof base === 'number' && Number.isFinite(base) ? base : undefined)),
  };
}

/** P(output ≥ threshold) over all trials done, from the sorted finite values. */
function reach(sorted: Float64Array, trials: number, threshold: number | undefined): { threshold: number | null; pReach: number | null } {
  if (threshold === undefined || !Number.isFinite(threshold) || trials === 0) return { threshold: threshold ?? null, pReach: null };
  // first index whose value is ≥ threshold (binary search; the values are sorted)
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < threshold) lo = mid + 1;
    else hi = mid;
  }
  return { threshold, pReach: (sorted.length - lo) / trials };
}

// ---------------------------------------------------------------------------------------------
// Merging parts computed by several workers

/** Sorts bars by swing (largest first; bars without a swing last) and ranks them. */
export function mergeTornado(parts: TornadoPart[]): TornadoResult {
  if (parts.length === 0) throw new Error('mergeTornado: no parts');
  const bars = parts.flatMap((p) => p.bars).sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1) || a.index - b.index);
  const swings = bars.map((b) => b.swing);
  for (const bar of bars) {
    const s = bar.swing;
    bar.rank = s === null ? bars.length : 1 + swings.filter((o) => o !== null && o > s).length;
  }
  return { output: parts[0].output, base: parts[0].base, bars };
}

/**
 * Collects Monte Carlo parts into one result (the trials done so far, in trial order, so the
 * final figures do not depend on how the trials were split).
 */
export class MonteCarloCollector {
  readonly values: Float64Array[];
  private filled: Uint8Array;
  private doneCount = 0;
  private base: Outcome[] = [];
  private inputs: string[] = [];
  private outputs: string[] = [];

  constructor(readonly spec: MonteCarloSpec) {
    this.values = spec.outputs.map(() => new Float64Array(spec.trials));
    this.filled = new Uint8Array(spec.trials);
  }

  add(part: MonteCarloPart): void {
    this.base = part.base;
    this.inputs = part.inputs;
    this.outputs = part.outputs;
    for (let o = 0; o < part.values.length; o++) this.values[o].set(part.values[o], part.from);
    for (let t = part.from; t < part.to; t++) {
      if (!this.filled[t]) {
        this.filled[t] = 1;
        this.doneCount++;
      }
    }
  }

  get done(): number {
    return this.doneCount;
  }

  /**
   * The figures of the trials done so far. `sample` caps how many values each output's figures
   * are computed from (every k-th finished trial), for cheap previews while a run streams in;
   * the final result uses every trial.
   */
  result(sample = Infinity): MonteCarloResult {
    const complete = this.doneCount === this.spec.trials;
    const stride = Math.max(1, Math.ceil(this.doneCount / sample));
    const outputs = this.outputs.map((ref, o) => {
      let vals: ArrayLike<number> = this.values[o];
      if (!complete || stride > 1) {
        const got: number[] = [];
        let k = 0;
        for (let t = 0; t < this.spec.trials; t++) if (this.filled[t] && k++ % stride === 0) got.push(this.values[o][t]);
        vals = got;
      }
      return summarize(ref, this.base[o] ?? null, vals, this.spec.bins ?? 20, this.spec.thresholds?.find((x) => x.output === this.spec.outputs[o])?.value);
    });
    return { seed: this.spec.seed, trials: this.spec.trials, done: this.doneCount, inputs: this.inputs, outputs };
  }
}

/** Splits n items into at most `parts` contiguous, nearly equal ranges [from, to). */
export function splitRanges(n: number, parts: number): { from: number; to: number }[] {
  const k = Math.max(1, Math.min(parts, n));
  const out: { from: number; to: number }[] = [];
  for (let i = 0; i < k; i++) {
    const from = Math.floor((i * n) / k);
    const to = Math.floor(((i + 1) * n) / k);
    if (to > from) out.push({ from, to });
  }
  return out;
}

/** `count` evenly spaced values from `from` to `to` inclusive (0.7, 0.75, … without binary noise). */
export function steps(from: number, to: number, count: number): number[] {
  const n = Math.max(1, Math.floor(count));
  if (n === 1) return [from];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? to : Number((from + ((to - from) * i) / (n - 1)).toPrecision(12))));
}
