/**
 * The engine worker says it is alive while it computes. A recalculation is one synchronous run,
 * so the beat comes from inside it: HyperFormula's evaluator is wrapped so that every 256 formulas
 * it looks at the clock, and at most every `ENGINE_HEARTBEAT_MS` it calls the sink (the worker's
 * `postMessage`, which reaches the main thread while the run goes on). Without a sink (tests, the
 * what-if worker) a beat costs one counter increment.
 */
import type { HyperFormula } from 'hyperformula';
import { ENGINE_HEARTBEAT_MS } from '../src/model/protocol';

let sink: (() => void) | null = null;
let interval = ENGINE_HEARTBEAT_MS;
let last = -Infinity;

/** Where beats go (null: nowhere); `everyMs` is for tests. */
export function setHeartbeatSink(fn: (() => void) | null, everyMs = ENGINE_HEARTBEAT_MS): void {
  sink = fn;
  interval = everyMs;
  last = -Infinity;
}

/** Beats if the last beat is older than the interval. */
export function beat(): void {
  if (!sink) return;
  const now = performance.now();
  if (now - last < interval) return;
  last = now;
  sink();
}

type Recompute = (vertex: unknown) => unknown;

/**
 * Wraps the engine's per-formula evaluation so that long runs beat. Reaches into HyperFormula's
 * evaluator (`recomputeFormulaVertexValue`, which every full and partial run calls once per
 * formula); on an engine without it nothing is wrapped and only the beats at each call's start remain.
 */
export function instrumentEngine(hf: HyperFormula): boolean {
  const evaluator = (hf as unknown as { _evaluator?: { recomputeFormulaVertexValue?: Recompute } })._evaluator;
  const original = evaluator?.recomputeFormulaVertexValue;
  if (!evaluator || typeof original !== 'function') return false;
  let n = 0;
  evaluator.recomputeFormulaVertexValue = function (this: unknown, vertex: unknown) {
    if ((++n & 255) === 0) beat();
    return original.call(this, vertex);
  };
  return true;
}
