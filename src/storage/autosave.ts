/**
 * Autosave: the latest document is written a short while after the last change, in one
 * transaction — and at least once a second while edits keep coming, so a steady stream of typing
 * never leaves more than a second unsaved. `status` is what `save-status` shows: `saved` only once
 * the last edit is durable.
 *
 * A failed write (quota, storage denied) keeps the document in memory, says so, and is retried
 * with growing waits (1 s, 2 s, 4 s … 30 s) and on page hide, so the work reaches the disk as soon
 * as space returns. Every write says which revision it last saw (see `NotebookStore.put`): when the
 * home page renamed the notebook meanwhile, the rename is taken in and the write repeated; when it
 * was deleted, nothing is written (`gone`) — a stale tab never brings a deleted notebook back.
 */
import { createSignal } from 'solid-js';
import type { Notebook } from '../model/notebook';
import { WriteConflict } from './db';
import type { NotebookStore } from './db';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'gone';

export interface AutosaveOptions {
  /** Quiet time after the last change before writing (ms). */
  delayMs?: number;
  /** Longest a change waits while changes keep coming (ms). */
  maxWaitMs?: number;
  /** First wait before retrying a failed write; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** The revision the document was loaded at (`NotebookStore.revision`); undefined: unguarded until the first write. */
  rev?: number;
  /**
   * Another writer renamed the notebook since we last wrote: the stored title, to take into the
   * open document (which is then written again).
   */
  onRenamedElsewhere?: (title: string) => void;
}

export function createAutosave(store: () => Promise<NotebookStore>, options: AutosaveOptions | number = {}) {
  const o = typeof options === 'number' ? { delayMs: options } : options;
  const delayMs = o.delayMs ?? 250;
  const maxWaitMs = o.maxWaitMs ?? 1000;
  const retryMs = o.retryMs ?? 1000;
  const maxRetryMs = o.maxRetryMs ?? 30_000;
  const [status, setStatus] = createSignal<SaveStatus>('saved');
  const [lastError, setLastError] = createSignal<string | null>(null);
  let latest: Notebook | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unsaved change was scheduled (0: nothing waits). */
  let waitingSince = 0;
  let retryWait = retryMs;
  let rev = o.rev;
  let gone = false;
  let writing: Promise<void> = Promise.resolve();

  async function write(nb: Notebook): Promise<void> {
    const s = await store();
    try {
      rev = await s.put(nb, rev);
    } catch (e) {
      if (!(e instanceof WriteConflict)) throw e;
      if (e.kind === 'gone') {
        gone = true;
        return;
      }
      // Someone else wrote since (the home page's rename): keep their title, our contents.
      const title = e.stored?.title ?? nb.title;
      if (title !== nb.title) o.onRenamedElsewhere?.(title);
      rev = await s.put({ ...nb, title }, e.rev);
    }
  }

  function arm(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, ms));
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const nb = latest;
    if (!nb || gone) return writing;
    latest = null;
    waitingSince = 0;
    setStatus('saving');
    writing = writing.then(async () => {
      try {
        // IndexedDB copies the value when put() is called, so later edits cannot leak into it.
        await write(nb);
        if (gone) {
          setStatus('gone');
          return;
        }
        setLastError(null);
        retryWait = retryMs;
        if (!latest && timer === undefined) setStatus('saved');
      } catch (e) {
        latest ??= nb; // keep it for the next try
        setLastError(e instanceof DOMException ? e.name : String(e));
        setStatus('error');
        // Space may come back without another edit: try again, waiting longer each time.
        if (timer === undefined) arm(retryWait);
        retryWait = Math.min(maxRetryMs, retryWait * 2);
      }
    });
    return writing;
  }

  function schedule(nb: Notebook): void {
    if (gone) return;
    latest = nb;
    if (status() !== 'error') setStatus('pending');
    const now = Date.now();
    if (!waitingSince) waitingSince = now;
    // Debounced, but never past maxWait from the oldest unsaved change.
    arm(Math.min(delayMs, waitingSince + maxWaitMs - now));
  }

  return { status, lastError, schedule, flush, gone: () => gone };
}
