/**
 * The main thread's handle on an engine worker. Only types come from `workers/` so HyperFormula
 * stays out of the main bundle. A worker that dies (crash, out of memory, terminated) is noticed
 * — as an error event or as a call that never answers — and reported so the session can rebuild
 * the engine from the document.
 */
import { wrap, releaseProxy } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineHost } from '../../workers/engineCore';
import { isEngineHeartbeat } from '../model/protocol';

export type EngineApi = Remote<EngineHost>;

export interface EngineClient {
  api: EngineApi;
  worker: Worker;
  /** Stops the worker; pending calls never answer. */
  terminate(): void;
  /** Resolves when the worker reports an uncaught error or is found unresponsive. */
  died: Promise<string>;
  /**
   * Whether the worker's script came through the service worker, which adds the policy header a
   * static host may not send. False for a worker started on a first visit before the service
   * worker took control: such an engine is replaced once control arrives.
   */
  underPolicy: boolean;
  /** When the worker last said it is computing (`performance.now()`; see heartbeat.ts); absent: it never says. */
  lastBeat?: () => number;
}

/** True when a worker started now is bound by the page's policy (see `EngineClient.underPolicy`). */
export function workersUnderPolicy(): boolean {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return true;
  return !!navigator.serviceWorker.controller;
}

/** Calls `fn` when the service worker takes control of the page (a first visit); returns the unsubscribe. */
export function onPolicyControl(fn: () => void): () => void {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (!sw) return () => {};
  sw.addEventListener('controllerchange', fn);
  return () => sw.removeEventListener('controllerchange', fn);
}

let spare: EngineClient | null = null;

/**
 * Starts an engine worker ahead of need: loading HyperFormula takes a few hundred milliseconds,
 * which opening a notebook then does not wait for.
 */
export function prewarmEngine(): void {
  spare ??= spawnEngineWorker();
}

/** Replaces the spare worker with a fresh one (its script fetched again). */
export function replaceSpareEngine(): void {
  if (!spare) return;
  spare.terminate();
  spare = spawnEngineWorker();
}

/** An engine worker for a notebook: the prewarmed one if there is one. */
export function startEngineWorker(): EngineClient {
  // A spare started before the service worker took control would run without the policy.
  if (spare && !spare.underPolicy && workersUnderPolicy()) {
    spare.terminate();
    spare = null;
  }
  const client = spare ?? spawnEngineWorker();
  spare = null;
  return client;
}

/** A new engine worker of its own, for a short job (it leaves the prewarmed spare alone). */
export function spawnEngineWorker(): EngineClient {
  const underPolicy = workersUnderPolicy();
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'opsbook-engine' });
  const api = wrap<EngineHost>(worker);
  let reportDeath: (why: string) => void = () => {};
  const died = new Promise<string>((resolve) => (reportDeath = resolve));
  worker.addEventListener('error', (e) => reportDeath(e.message || 'engine worker error'));
  worker.addEventListener('messageerror', () => reportDeath('engine worker message error'));
  let beatAt = -Infinity;
  worker.addEventListener('message', (e) => {
    if (isEngineHeartbeat(e.data)) beatAt = performance.now();
  });
  return {
    api,
    worker,
    died,
    underPolicy,
    lastBeat: () => beatAt,
    terminate() {
      api[releaseProxy]();
      worker.terminate();
      reportDeath('terminated');
    },
  };
}
