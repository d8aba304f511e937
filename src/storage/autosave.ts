/**
 * Autosave: the latest document is written a short while after the last change (debounced), in
 * one transaction. `status` is what `save-status` shows: `saved` only once the last edit is
 * durable. A failed write (quota, storage denied) keeps the document in memory and says so.
 */
import { createSignal } from 'solid-js';
import type { Notebook } from '../model/notebook';
import type { NotebookStore } from './db';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export function createAutosave(store: () => Promise<NotebookStore>, delayMs = 250) {
  const [status, setStatus] = createSignal<SaveStatus>('saved');
  const [lastError, setLastError] = createSignal<string | null>(null);
  let latest: Notebook | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const nb = latest;
    if (!nb) return writing;
    latest = null;
    setStatus('saving');
    writing = writing.then(async () => {
      try {
        // IndexedDB copies the value when put() is called, so later edits cannot leak into it.
        await (await store()).put(nb);
        setLastError(null);
        if (!latest && timer === undefined) setStatus('saved');
      } catch (e) {
        latest ??= nb; // keep it for the next try
        setLastError(e instanceof DOMException ? e.name : String(e));
        setStatus('error');
      }
    });
    return writing;
  }

  function schedule(nb: Notebook): void {
    latest = nb;
    setStatus('pending');
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  return { status, lastError, schedule, flush };
}
