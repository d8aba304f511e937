/**
 * The what-if tools of one open notebook: the engine pool, one run at a time per analysis (with
 * progress, cancel, elapsed time), and the results saved in the notebook under `layout.whatif`.
 *
 * It lives as long as the notebook page (not the panel), so closing the panel does not stop a
 * run; the page's cleanup terminates the pool. Saving a result is one undoable document edit;
 * applying a goal-seek solution is another.
 */
import { batch, createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import { CANCEL_GRACE_MS, createWhatIfPool, workbookOf } from '../../engine/pool';
import type { PoolProgress, WhatIfPool } from '../../engine/pool';
import { splitSheetRef } from '../../model/address';
import type { Result } from '../../model/commands';
import type { Notebook } from '../../model/notebook';
import { readSetting } from '../services';
import type {
  BridgeResult, DataTable1Result, DataTable1Spec, DataTable2Result, DataTable2Spec, GoalSeekResult, GoalSeekSpec,
  MonteCarloResult, MonteCarloSpec, Overrides, TornadoResult, TornadoSpec,
} from '../../model/whatif';

export type AnalysisKind = 'tornado' | 'dataTable' | 'goalSeek' | 'monteCarlo' | 'bridge';
export const ANALYSES: AnalysisKind[] = ['tornado', 'dataTable', 'goalSeek', 'monteCarlo', 'bridge'];

export interface DataTableConfig {
  mode: 'one' | 'two';
  one: DataTable1Spec;
  two: DataTable2Spec;
}

/** A bridge names its scenarios; the overrides are worked out when it runs. */
export interface BridgeConfig {
  from: string;
  to: string;
  output: string;
}

export interface ConfigOf {
  tornado: TornadoSpec;
  dataTable: DataTableConfig;
  goalSeek: GoalSeekSpec;
  monteCarlo: MonteCarloSpec;
  bridge: BridgeConfig;
}

export interface ResultOf {
  tornado: TornadoResult;
  dataTable: DataTable1Result | DataTable2Result;
  goalSeek: GoalSeekResult;
  monteCarlo: MonteCarloResult;
  bridge: BridgeResult & { fromName: string; toName: string };
}

/** What `layout.whatif[kind]` holds: the last result with the settings that produced it. */
export interface SavedAnalysis<K extends AnalysisKind> {
  config: ConfigOf[K];
  result: ResultOf[K];
  /** When it finished (ms since epoch) and how long it took. */
  at: number;
  ms: number;
  /** A Monte Carlo run stopped early keeps the trials it did. */
  cancelled?: boolean;
}

export type WhatIfLayout = { [K in AnalysisKind]?: SavedAnalysis<K> };

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** How many runs of this analysis started in this session (scripts wait for the next one). */
  run: number;
  done: number;
  total: number;
  message?: string;
  /** Elapsed time of the last run, ms (from the click to the merged result). */
  ms?: number;
}

const IDLE: RunState = { status: 'idle', run: 0, done: 0, total: 0 };

/**
 * Settles as cancelled once a cancelled run has had time to answer: the pool replaces a worker
 * that ignores a cancel after CANCEL_GRACE_MS, and past that the panel lets go whatever the pool
 * does.
 */
function givenUpAfterCancel<T>(signal: AbortSignal): Promise<Result<T>> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => {
      setTimeout(() => resolve({ ok: false, error: { code: 'cancelled', message: 'cancelled' } }), CANCEL_GRACE_MS + 1000);
    }, { once: true });
  });
}

export function savedAnalyses(nb: Notebook): WhatIfLayout {
  const w = nb.layout.whatif;
  return w && typeof w === 'object' ? (w as WhatIfLayout) : {};
}

/** How a bridge config turns into the two sides' cell contents (supplied by the panel, which knows the scenarios). */
export type BridgeResolver = (cfg: BridgeConfig) => { from: Overrides; to: Overrides; fromName: string; toName: string } | { error: string };

/** A fixed pool size for benchmarks and support (the `whatifPoolSize` setting); default: from the cores. */
function poolSizeSetting(): number | undefined {
  const n = Number(readSetting('whatifPoolSize'));
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : undefined;
}

export function createWhatIf(session: NotebookSession, options: { poolSize?: number } = {}) {
  const pool: WhatIfPool = createWhatIfPool({ size: options.poolSize ?? poolSizeSetting() });
  let version = 1;
  let savingLayout = false;
  pool.setDocument(() => workbookOf(session.plain()), version);

  const states = Object.fromEntries(ANALYSES.map((k) => [k, createSignal<RunState>(IDLE)])) as Record<AnalysisKind, ReturnType<typeof createSignal<RunState>>>;
  const aborts = new Map<AnalysisKind, AbortController>();
  /** The number of the newest run of each analysis: only it may set the analysis's state. */
  const latest = new Map<AnalysisKind, number>();
  const [partial, setPartial] = createSignal<MonteCarloResult | null>(null);
  const [docVersion, setDocVersion] = createSignal(version);
  const [warmed, setWarmed] = createSignal(false);
  /** The document version each analysis last ran on (this session only). */
  const [ranOn, setRanOn] = createSignal<Partial<Record<AnalysisKind, number>>>({});

  /** Called after every document change: workers reload before their next job (our own saves aside). */
  function documentChanged(): void {
    if (savingLayout) return;
    pool.setDocument(() => workbookOf(session.plain()), ++version);
    setDocVersion(version);
  }

  function save<K extends AnalysisKind>(kind: K, entry: SavedAnalysis<K>): void {
    const next = { ...savedAnalyses(session.plain()), [kind]: entry };
    savingLayout = true;
    try {
      session.edit([{ type: 'setLayoutKey', key: 'whatif', value: next }], `what-if: ${kind}`);
    } finally {
      savingLayout = false;
    }
  }

  /**
   * One run of an analysis. Whatever happens — the pool answers, fails, never answers, a late
   * progress message arrives, saving the result throws — the run ends with its state out of
   * `running`, so Run is enabled again; a newer run of the same analysis takes over the state.
   */
  async function run<K extends AnalysisKind>(
    kind: K,
    config: ConfigOf[K],
    go: (opts: { signal: AbortSignal; onProgress: (p: PoolProgress) => void }) => Promise<Result<ResultOf[K]> & { cancelled?: boolean }>,
  ): Promise<void> {
    aborts.get(kind)?.abort();
    const abort = new AbortController();
    aborts.set(kind, abort);
    const [state, setState] = states[kind];
    const t0 = performance.now();
    const startedOn = version;
    const runNo = state().run + 1;
    latest.set(kind, runNo);
    let settled = false;
    setState({ status: 'running', run: runNo, done: 0, total: 0 });
    const onProgress = (p: PoolProgress) => {
      if (!settled && !abort.signal.aborted) setState({ status: 'running', run: runNo, done: p.done, total: p.total });
    };
    let r: Result<ResultOf[K]> & { cancelled?: boolean };
    try {
      r = await Promise.race([go({ signal: abort.signal, onProgress }), givenUpAfterCancel<ResultOf[K]>(abort.signal)]);
    } catch (e) {
      r = { ok: false, error: { code: 'worker', message: e instanceof Error ? e.message : String(e) } };
    }
    settled = true;
    if (aborts.get(kind) === abort) aborts.delete(kind);
    if (latest.get(kind) !== runNo) return; // a newer run of the same analysis took over
    const ms = Math.round(performance.now() - t0);
    const prev = states[kind][0]();
    const end = (status: RunState['status'], message?: string) =>
      setState({ status, run: runNo, done: prev.done, total: prev.total, ms, ...(message !== undefined ? { message } : {}) });
    try {
      batch(() => {
        if (kind === 'monteCarlo') setPartial(null);
        if (r.ok) {
          setRanOn((m) => ({ ...m, [kind]: startedOn }));
          end(r.cancelled ? 'cancelled' : 'done');
          save(kind, { config: JSON.parse(JSON.stringify(config)), result: r.value, at: Date.now(), ms, ...(r.cancelled ? { cancelled: true } : {}) });
        } else if (r.error.code === 'cancelled') end('cancelled');
        else end('error', r.error.message);
      });
    } catch (e) {
      end('error', e instanceof Error ? e.message : String(e));
    }
  }

  return {
    pool,
    state: (kind: AnalysisKind): Accessor<RunState> => states[kind][0],
    /** Monte Carlo figures of the trials done so far while a run streams in. */
    partial,
    saved: <K extends AnalysisKind>(kind: K): SavedAnalysis<K> | undefined => savedAnalyses(session.doc)[kind] as SavedAnalysis<K> | undefined,
    documentChanged,
    /** True when the notebook changed after this session's last run of `kind`. */
    stale: (kind: AnalysisKind): boolean => {
      const v = ranOn()[kind];
      return v !== undefined && v !== docVersion();
    },
    /** Starts the workers, loads the notebook into them and warms their engines up. */
    warm: () => pool.warm().then(() => setWarmed(true)),
    /** True once `warm` finished: a run starts at full speed. */
    warmed,
    /** Stops the run of `kind`; a state left running without a run (it cannot be) is released too. */
    cancel(kind: AnalysisKind): void {
      const a = aborts.get(kind);
      if (a) return a.abort();
      const [state, setState] = states[kind];
      if (state().status === 'running') setState({ ...state(), status: 'cancelled' });
    },
    tornado: (spec: TornadoSpec) => run('tornado', spec, (o) => pool.tornado(spec, o)),
    dataTable: (cfg: DataTableConfig) =>
      run('dataTable', cfg, (o) => (cfg.mode === 'one' ? pool.dataTable1(cfg.one, o) : pool.dataTable2(cfg.two, o))),
    goalSeek: (spec: GoalSeekSpec) => run('goalSeek', spec, (o) => pool.goalSeek(spec, o)),
    monteCarlo: (spec: MonteCarloSpec) =>
      run('monteCarlo', spec, (o) => {
        setPartial(null);
        return pool.monteCarlo(spec, { ...o, onPartial: setPartial });
      }),
    bridge: (cfg: BridgeConfig, resolve: BridgeResolver) => {
      const r = resolve(cfg);
      if ('error' in r) {
        states.bridge[1]((st) => ({ status: 'error', run: st.run + 1, done: 0, total: 0, message: r.error }));
        return Promise.resolve();
      }
      const spec = { output: cfg.output, from: r.from, to: r.to };
      return run('bridge', cfg, async (o) => {
        const res = await pool.bridge(spec, o);
        return res.ok ? { ok: true, value: { ...res.value, fromName: r.fromName, toName: r.toName } } : res;
      });
    },
    /** Writes a goal-seek solution into its input cell (one undo step). */
    applyGoal(result: Extract<GoalSeekResult, { status: 'solved' }>, label: string): boolean {
      const { sheet, ref } = splitSheetRef(result.input);
      if (!sheet) return false;
      return session.edit([{ type: 'setCells', sheet, writes: [{ addr: ref, raw: result.x }] }], label);
    },
    dispose(): void {
      for (const a of aborts.values()) a.abort();
      aborts.clear();
      pool.terminate();
    },
  };
}

export type WhatIf = ReturnType<typeof createWhatIf>;
