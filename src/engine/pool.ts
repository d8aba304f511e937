/**
 * The what-if pool: engine workers besides the editor's, each holding its own copy of the
 * notebook, that run sensitivity, data tables, goal seek, Monte Carlo and scenario bridges so
 * the editor never waits.
 *
 * - Size: from `navigator.hardwareConcurrency` — one core is left to the page and the editor's
 *   engine when there are more than two; at least one worker, at most four.
 * - Copies: the pool is told the document's version (`setDocument`); each worker rebuilds its
 *   copy lazily, right before its next job, when its version is older.
 * - Splitting: one runner over `SPLIT_PLANS` (src/model/whatifPlans.ts: a tornado splits its
 *   inputs, data tables their rows; goal seek and the bridge run on one worker); Monte Carlo
 *   splits its trials into chunks that idle workers pull, so results stream in and a slow worker
 *   does not hold the others up. Each run keeps its own timings.
 * - Progress comes back through a comlink proxy; cancelling (an `AbortSignal`) tells each busy
 *   worker, which stops at its next pause between points and restores its copy. A worker that
 *   does not answer a cancel within `CANCEL_GRACE_MS` is terminated and replaced.
 *
 * Only types come from `workers/`, so HyperFormula stays out of the main bundle.
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { Result } from '../model/commands';
import type { Notebook } from '../model/notebook';
import type {
  BridgeSpec, DataTable1Spec, DataTable2Spec, GoalSeekSpec, JobProgress, JobResultMap, MonteCarloPart, MonteCarloResult, MonteCarloSpec, TornadoSpec, WhatIfJob,
} from '../model/whatif';
import { MonteCarloCollector } from '../model/whatif';
import type { SplitPlan } from '../model/whatifPlans';
import { monteCarloChunks, SPLIT_PLANS } from '../model/whatifPlans';
import type { EngineWorkbook } from '../../workers/engineCore';
import type { WhatIfHost } from '../../workers/whatifCore';

export const CANCEL_GRACE_MS = 3000;
/** Previews of a streaming Monte Carlo are computed from at most this many trials per output. */
export const PREVIEW_SAMPLE = 20_000;
/** The most trials one run takes: the final figures sort every trial's values on the main thread. */
export const MAX_TRIALS = 100_000;

/** What a worker's copy is built from: the document's sheets and names, nothing else. */
export function workbookOf(nb: Notebook): EngineWorkbook {
  return { sheets: nb.sheets.map((s) => ({ name: s.name, cells: s.cells })), names: nb.names };
}

/** Workers for what-if work on a machine with `cores` logical cores. */
export function defaultPoolSize(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  const n = Number.isFinite(cores) && cores > 0 ? Math.floor(cores) : 2;
  return Math.max(1, Math.min(4, n > 2 ? n - 1 : n));
}

export interface PoolProgress {
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: PoolProgress) => void;
}

export interface PoolOptions {
  size?: number;
  /** Starts one worker (tests and the bench can pass their own). */
  startWorker?: () => Worker;
}

interface Slot {
  worker: Worker;
  api: Remote<WhatIfHost>;
  version: number;
  /** Jobs on one worker run one after another. */
  queue: Promise<unknown>;
  dead: boolean;
  /** Its engine code has been compiled by a warm-up run. */
  warmed?: boolean;
  died: Promise<string>;
  kill(why: string): void;
}

type JobOutcome<K extends WhatIfJob['kind']> = Result<JobResultMap[K]>;
type Plans = typeof SPLIT_PLANS;
type PlanSpec<K extends keyof Plans> = Parameters<Plans[K]['total']>[0];
type PlanResult<K extends keyof Plans> = ReturnType<Plans[K]['merge']>;

const cancelled = <T>(): Result<T> => ({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });

function startWhatIfWorker(): Worker {
  return new Worker(new URL('../../workers/whatif.worker.ts', import.meta.url), { type: 'module', name: 'opsbook-whatif' });
}

export function createWhatIfPool(options: PoolOptions = {}) {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const start = options.startWorker ?? startWhatIfWorker;
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let workbook: (() => EngineWorkbook) | null = null;
  let version = 0;
  let sent: { version: number; data: EngineWorkbook } | null = null;
  let nextJobId = 1;
  /** The last analysis to end: its wall time and each of its jobs' times inside a worker. */
  let last = { wallMs: 0, workerMs: [] as number[] };

  function slot(i: number): Slot {
    const existing = slots[i];
    if (existing && !existing.dead) return existing;
    const worker = start();
    const api = wrap<WhatIfHost>(worker);
    let report: (why: string) => void = () => {};
    const died = new Promise<string>((resolve) => (report = resolve));
    const s: Slot = {
      worker, api, version: -1, queue: Promise.resolve(), dead: false, died,
      kill(why) {
        s.dead = true;
        report(why);
      },
    };
    worker.addEventListener('error', (e) => s.kill((e as ErrorEvent).message || 'what-if worker error'));
    worker.addEventListener('messageerror', () => s.kill('what-if worker message error'));
    slots[i] = s;
    return s;
  }

  function retire(s: Slot, why: string): void {
    s.kill(why);
    s.api[releaseProxy]();
    s.worker.terminate();
  }

  /** The document as of `version`, serialised once per version. */
  function currentWorkbook(): { version: number; data: EngineWorkbook } {
    if (!workbook) throw new Error('what-if pool: no document (call setDocument first)');
    if (!sent || sent.version !== version) sent = { version, data: workbook() };
    return sent;
  }

  /** Runs one job on worker `i` (after the jobs queued there), loading the document first if needed. */
  function runOn<K extends WhatIfJob['kind']>(i: number, job: Extract<WhatIfJob, { kind: K }>, jobId: number, times: number[], onProgress?: (p: JobProgress) => void, retried = false): Promise<JobOutcome<K>> {
    const s = slot(i);
    let started = false;
    const run = async (): Promise<JobOutcome<K>> => {
      if (s.dead) return { ok: false, error: { code: 'workerDied', message: 'the what-if worker stopped' } };
      const doc = currentWorkbook();
      if (s.version !== doc.version) {
        await s.api.open(doc.data, doc.version);
        s.version = doc.version;
      }
      const progress = onProgress ? proxy(onProgress) : undefined;
      started = true;
      const answer = (await s.api.run(jobId, job, progress)) as JobOutcome<K> & { ms?: number };
      if (answer.ms !== undefined) {
        times.push(answer.ms);
        delete answer.ms;
      }
      return answer;
    };
    const died = s.died.then((why): JobOutcome<K> => ({ ok: false, error: { code: 'workerDied', message: why } }));
    // A worker that dies leaves its queue unanswered: stop waiting for it then, too.
    const p = Promise.race([s.queue, s.died]).then(() => Promise.race([run(), died]));
    s.queue = p.catch(() => undefined);
    const outcome = p.catch((e): JobOutcome<K> => ({ ok: false, error: { code: 'worker', message: e instanceof Error ? e.message : String(e) } }));
    // A worker lost before the job reached it (it failed to load, or died warming up): the job
    // runs once more on a fresh worker instead of failing.
    return outcome.then((r) => (!r.ok && r.error.code === 'workerDied' && !started && !retried ? runOn(i, job, jobId, times, onProgress, true) : r));
  }

  /**
   * The bookkeeping shared by every analysis: a job id, progress summed over the workers,
   * cancellation passed on to them (and a worker that ignores it replaced).
   */
  function begin(opts: RunOptions, total: number) {
    const jobId = nextJobId++;
    const t0 = performance.now();
    // This run's own: runs in flight at once do not mix their figures.
    const workerMs: number[] = [];
    const doneBy = new Map<number, number>();
    let lastReport = 0;
    let aborted = opts.signal?.aborted ?? false;
    const busy = new Set<number>();
    // Workers send progress on ports of their own, so a job's last progress message can arrive
    // after its answer: once the analysis has ended nothing more is reported (a late "12/12"
    // would otherwise put a finished run back to running).
    let ended = false;
    const report = (force = false) => {
      const now = performance.now();
      if (ended || !opts.onProgress || (!force && now - lastReport < 50)) return;
      lastReport = now;
      let done = 0;
      for (const d of doneBy.values()) done += d;
      opts.onProgress({ done: Math.min(done, total), total });
    };
    const onAbort = () => {
      aborted = true;
      for (const i of busy) {
        const s = slots[i];
        if (!s || s.dead) continue;
        void s.api.cancel(jobId).catch(() => undefined);
        const timer = setTimeout(() => retire(s, 'cancel not answered'), CANCEL_GRACE_MS);
        void s.queue.then(() => clearTimeout(timer));
      }
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    return {
      jobId,
      aborted: () => aborted,
      /** Runs a job on worker i; `key` identifies its share of the progress. */
      async on<K extends WhatIfJob['kind']>(i: number, job: Extract<WhatIfJob, { kind: K }>, key: number, offset = 0): Promise<JobOutcome<K>> {
        if (aborted) return cancelled();
        busy.add(i);
        try {
          const r = await runOn(i, job, jobId, workerMs, (p) => {
            doneBy.set(key, offset + p.done);
            report();
          });
          return aborted && !r.ok ? cancelled() : r;
        } finally {
          busy.delete(i);
        }
      },
      progress(key: number, done: number) {
        doneBy.set(key, done);
        report();
      },
      end() {
        last = { wallMs: performance.now() - t0, workerMs };
        opts.signal?.removeEventListener('abort', onAbort);
        // Workers' last progress messages travel on their own ports and may trail the answers.
        if (!aborted) opts.onProgress?.({ done: total, total });
        else report(true);
        ended = true;
      },
    };
  }

  const firstError = <T>(results: Result<unknown>[]): Result<T> | null => {
    const bad = results.find((r) => !r.ok);
    if (!bad || bad.ok) return null;
    // A cancel wins over the errors it caused.
    return results.some((r) => !r.ok && r.error.code === 'cancelled') ? cancelled() : bad;
  };

  /** One analysis of `SPLIT_PLANS`: its jobs on the workers side by side, their answers merged. */
  async function runPlan<K extends keyof typeof SPLIT_PLANS>(kind: K, spec: PlanSpec<K>, opts: RunOptions = {}): Promise<Result<PlanResult<K>>> {
    const plan = SPLIT_PLANS[kind] as unknown as SplitPlan<K, PlanSpec<K>, PlanResult<K>>;
    const jobs = plan.split(spec, size);
    if (!jobs.ok) return jobs;
    const run = begin(opts, plan.total(spec));
    try {
      const results = await Promise.all(jobs.value.map((job, i) => run.on(i, job, i)));
      const err = firstError<PlanResult<K>>(results);
      if (err) return err;
      return { ok: true, value: plan.merge(spec, results.map((r) => (r as { ok: true; value: JobResultMap[K] }).value)) };
    } finally {
      run.end();
    }
  }

  /**
   * Monte Carlo in chunks that idle workers pull; `onPartial` receives the summary of the trials
   * done so far (at most every `partialEveryMs`), and a cancelled run still returns what it has.
   */
  async function monteCarlo(
    spec: MonteCarloSpec,
    opts: RunOptions & { onPartial?: (r: MonteCarloResult) => void; partialEveryMs?: number; chunk?: number } = {},
  ): Promise<Result<MonteCarloResult> & { cancelled?: boolean }> {
    const trials = Math.max(0, Math.floor(spec.trials));
    if (trials > MAX_TRIALS) return { ok: false, error: { code: 'badSpec', message: `invalid trials ${trials}: at most ${MAX_TRIALS}` } };
    const chunks = monteCarloChunks({ trials }, size, opts.chunk);
    const collector = new MonteCarloCollector(spec);
    const run = begin(opts, trials);
    let next = 0;
    let failure: Result<never> | null = null;
    let lastPartial = 0;
    try {
      if (chunks.length === 0) return { ok: false, error: { code: 'badSpec', message: `invalid trials ${JSON.stringify(spec.trials)}: a whole number > 0` } };
      const worker = async (i: number) => {
        while (next < chunks.length && !failure && !run.aborted()) {
          const c = chunks[next++];
          const r = await run.on(i, { kind: 'monteCarlo', spec, from: c.from, to: c.to }, c.from);
          if (!r.ok) {
            if (r.error.code !== 'cancelled') failure ??= r as Result<never>;
            return;
          }
          collector.add(r.value as MonteCarloPart);
          run.progress(c.from, c.to - c.from);
          const now = performance.now();
          if (opts.onPartial && now - lastPartial >= (opts.partialEveryMs ?? 150) && collector.done < trials) {
            lastPartial = now;
            opts.onPartial(collector.result(PREVIEW_SAMPLE));
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(size, chunks.length) }, (_, i) => worker(i)));
      if (failure) return failure;
      if (run.aborted()) {
        return collector.done > 0 ? { ok: true, value: collector.result(), cancelled: true } : cancelled();
      }
      return { ok: true, value: collector.result() };
    } finally {
      run.end();
    }
  }

  return {
    size,
    /** The last analysis: wall time in the pool and each job's time inside its worker (ms). */
    lastTimes: () => last,
    /** Tells the pool the document changed; workers reload it before their next job. */
    setDocument(get: () => EngineWorkbook, v: number): void {
      workbook = get;
      version = v;
    },
    /** Starts the workers, loads the document and warms the engine up now, so the first analysis does not wait. */
    async warm(): Promise<void> {
      if (!workbook) return;
      const doc = currentWorkbook();
      await Promise.all(
        slots.map(async (_, i) => {
          const s = slot(i);
          const load = s.queue.then(async () => {
            if (s.version !== doc.version && !s.dead) {
              await s.api.open(doc.data, doc.version);
              s.version = doc.version;
            }
            if (!s.warmed && !s.dead) {
              s.warmed = true;
              await s.api.warmUp();
            }
          });
          s.queue = Promise.race([load, s.died]).catch(() => undefined);
          await s.queue;
        }),
      );
    },
    tornado: (spec: TornadoSpec, opts?: RunOptions) => runPlan('tornado', spec, opts),
    dataTable1: (spec: DataTable1Spec, opts?: RunOptions) => runPlan('dataTable1', spec, opts),
    dataTable2: (spec: DataTable2Spec, opts?: RunOptions) => runPlan('dataTable2', spec, opts),
    goalSeek: (spec: GoalSeekSpec, opts?: RunOptions) => runPlan('goalSeek', spec, opts),
    bridge: (spec: BridgeSpec, opts?: RunOptions) => runPlan('bridge', spec, opts),
    monteCarlo,
    /** Stops every worker; the pool can start new ones if used again. */
    terminate(): void {
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        if (s) retire(s, 'terminated');
        slots[i] = null;
      }
    },
  };
}

export type WhatIfPool = ReturnType<typeof createWhatIfPool>;
