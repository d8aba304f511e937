/**
 * How each what-if analysis is shared among the pool's workers, as data: `split` turns a spec
 * into jobs (at most one per worker; refusing a spec no worker could run), `merge` puts the
 * jobs' answers together, `total` is what the progress counts. The pool (`src/engine/pool.ts`)
 * is one runner over this table; Monte Carlo, which streams chunks that idle workers pull, splits
 * with `monteCarloChunks` and merges through its `MonteCarloCollector`.
 */
import type { Result } from './commands';
import type {
  BridgeResult, BridgeSpec, DataTable1Result, DataTable1Spec, DataTable2Result, DataTable2Spec, GoalSeekResult, GoalSeekSpec,
  JobResultMap, MonteCarloSpec, TornadoResult, TornadoSpec, WhatIfJob,
} from './whatif';
import { mergeTornado, splitRanges } from './whatif';

export type JobOf<K extends WhatIfJob['kind']> = Extract<WhatIfJob, { kind: K }>;

export interface SplitPlan<K extends WhatIfJob['kind'], S, R> {
  /** Points of progress the whole run counts (inputs × 2, table cells, iterations, …). */
  total(spec: S): number;
  /** The jobs, in order; job `i` runs on worker `i`. */
  split(spec: S, workers: number): Result<JobOf<K>[]>;
  /** The run's answer from the jobs' answers, in job order. */
  merge(spec: S, parts: JobResultMap[K][]): R;
}

const badSpec = (message: string): Result<never> => ({ ok: false, error: { code: 'badSpec', message } });

/** The analyses the pool splits, by kind; the pool's runner is the same for all of them. */
export const SPLIT_PLANS: {
  tornado: SplitPlan<'tornado', TornadoSpec, TornadoResult>;
  dataTable1: SplitPlan<'dataTable1', DataTable1Spec, DataTable1Result>;
  dataTable2: SplitPlan<'dataTable2', DataTable2Spec, DataTable2Result>;
  goalSeek: SplitPlan<'goalSeek', GoalSeekSpec, GoalSeekResult>;
  bridge: SplitPlan<'bridge', BridgeSpec, BridgeResult>;
} = {
  tornado: {
    total: (spec) => spec.inputs.length * 2,
    // Dealt out like cards, not in blocks: neighbouring inputs tend to cost alike (a sheet's
    // market inputs recalculate the whole plan, its cost rates one sheet), so each worker gets a mix.
    split(spec, workers) {
      const n = Math.min(workers, spec.inputs.length);
      const shares = Array.from({ length: n }, (_, i) => spec.inputs.map((_x, j) => j).filter((j) => j % n === i));
      return { ok: true, value: shares.map((only) => ({ kind: 'tornado', spec, only })) };
    },
    merge: (spec, parts) => (parts.length === 0 ? { output: spec.output, base: null, bars: [] } : mergeTornado(parts)),
  },
  dataTable1: {
    total: (spec) => spec.values.length,
    split(spec, workers) {
      if (spec.values.length === 0) return badSpec(`a data table on ${spec.input} needs at least one input value`);
      return { ok: true, value: splitRanges(spec.values.length, workers).map((r) => ({ kind: 'dataTable1', spec: { ...spec, values: spec.values.slice(r.from, r.to) } })) };
    },
    merge: (_spec, parts) => ({ ...parts[0], rows: parts.flatMap((p) => p.rows) }),
  },
  dataTable2: {
    total: (spec) => spec.rowValues.length * spec.colValues.length,
    split(spec, workers) {
      if (spec.rowValues.length === 0 || spec.colValues.length === 0) return badSpec('a two-way data table needs row and column values');
      return { ok: true, value: splitRanges(spec.rowValues.length, workers).map((r) => ({ kind: 'dataTable2', spec: { ...spec, rowValues: spec.rowValues.slice(r.from, r.to) } })) };
    },
    merge: (spec, parts) => ({ ...parts[0], rowValues: spec.rowValues, grid: parts.flatMap((p) => p.grid) }),
  },
  // Sequential: one worker.
  goalSeek: {
    total: (spec) => spec.maxIterations ?? 100,
    split: (spec) => ({ ok: true, value: [{ kind: 'goalSeek', spec }] }),
    merge: (_spec, parts) => parts[0],
  },
  bridge: {
    total: (spec) => new Set([...Object.keys(spec.from), ...Object.keys(spec.to)]).size,
    split: (spec) => ({ ok: true, value: [{ kind: 'bridge', spec }] }),
    merge: (_spec, parts) => parts[0],
  },
};

/** Monte Carlo's chunks of trials, small enough that results stream in and a slow worker holds no one up. */
export function monteCarloChunks(spec: Pick<MonteCarloSpec, 'trials'>, workers: number, chunk?: number): { from: number; to: number }[] {
  const trials = Math.max(0, Math.floor(spec.trials));
  const size = chunk ?? Math.max(10, Math.min(200, Math.ceil(trials / (workers * 10))));
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < trials; from += size) out.push({ from, to: Math.min(trials, from + size) });
  return out;
}
