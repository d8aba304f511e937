/**
 * Every edit reaches the disk: autosave writes at least once a second while edits keep coming,
 * retries a failed write without waiting for another edit, and a stale tab neither overwrites a
 * rename made elsewhere nor brings back a deleted notebook. Also: an old tab lets a newer Opsbook
 * upgrade the database (it closes and is told to reload). Fake timers count steps, not time.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { createAutosave } from '../../src/storage/autosave';
import { DB_VERSION, NotebookStore, openOpsbookDB, WriteConflict } from '../../src/storage/db';
import { emptyNotebook } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';

let n = 0;
const fresh = () => `autosave-db-${++n}`;

/** Lets the IndexedDB work queued by a flush finish (fake-indexeddb uses real macrotasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('revisions', () => {
  it('refuses a write from a writer that missed a newer one or a deletion', async () => {
    const store = await NotebookStore.open(fresh());
    const nb = emptyNotebook('A');
    const r1 = await store.put(nb);
    expect(await store.revision(nb.id)).toBe(r1);
    expect(await store.rename(nb.id, 'Renamed')).toBe(true);
    await expect(store.put({ ...nb, title: 'A' }, r1)).rejects.toBeInstanceOf(WriteConflict);
    expect((await store.get(nb.id))?.title).toBe('Renamed');
    const r3 = (await store.revision(nb.id))!;
    await store.delete(nb.id);
    const gone = await store.put(nb, r3).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(WriteConflict);
    expect((gone as WriteConflict).kind).toBe('gone');
    expect(await store.get(nb.id)).toBeUndefined();
    store.close();
  });

  it('an old connection gives way to a newer schema and is told to reload', async () => {
    const name = fresh();
    const told: string[] = [];
    const old = await openOpsbookDB(name, DB_VERSION, { onBlocking: () => told.push('reload') });
    const newer = await openOpsbookDB(name, DB_VERSION + 1);
    expect(told).toEqual(['reload']);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    void old;
  });
});

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('writes at least once a second while edits keep coming every 100 ms', async () => {
    const store = await NotebookStore.open(fresh());
    const nb = emptyNotebook('Typing');
    await createRoot(async (dispose) => {
      const save = createAutosave(async () => store);
      for (let i = 1; i <= 25; i++) {
        nb.sheets[0].cells.A1 = i;
        save.schedule(structuredClone(nb));
        vi.advanceTimersByTime(100);
        await settle();
      }
      // After 2.5 s of steady typing the store holds an edit from the last second.
      const stored = (await store.get(nb.id))?.sheets[0].cells.A1 as number;
      expect(stored).toBeGreaterThanOrEqual(15);
      dispose();
    });
    store.close();
  });

  it('retries a failed write with no further edit, and says saved once it lands', async () => {
    const real = await NotebookStore.open(fresh());
    let full = true;
    const store = new Proxy(real, {
      get(target, key) {
        if (key === 'put') return (x: Notebook, rev?: number) => (full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : target.put(x, rev));
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const nb = emptyNotebook('Full disk');
    await createRoot(async (dispose) => {
      const save = createAutosave(async () => store);
      save.schedule(nb);
      vi.advanceTimersByTime(250);
      await settle();
      expect(save.status()).toBe('error');
      expect(save.lastError()).toBe('QuotaExceededError');
      vi.advanceTimersByTime(1000);
      await settle();
      expect(save.status()).toBe('error');
      full = false; // space returns
      vi.advanceTimersByTime(2000);
      await settle();
      expect(save.status()).toBe('saved');
      expect((await real.get(nb.id))?.title).toBe('Full disk');
      dispose();
    });
    real.close();
  });

  it('takes in a rename made elsewhere and never resurrects a deleted notebook', async () => {
    const store = await NotebookStore.open(fresh());
    const nb = emptyNotebook('Mine');
    const rev = await store.put(nb);
    await createRoot(async (dispose) => {
      const titles: string[] = [];
      const save = createAutosave(async () => store, { rev, onRenamedElsewhere: (t) => titles.push(t) });
      await store.rename(nb.id, 'Renamed on home');
      nb.sheets[0].cells.A1 = 1;
      save.schedule(structuredClone(nb));
      vi.advanceTimersByTime(250);
      await settle();
      expect(titles).toEqual(['Renamed on home']);
      const stored = await store.get(nb.id);
      expect(stored?.title).toBe('Renamed on home');
      expect(stored?.sheets[0].cells.A1).toBe(1);
      await store.delete(nb.id);
      nb.sheets[0].cells.A1 = 2;
      save.schedule(structuredClone(nb));
      vi.advanceTimersByTime(250);
      await settle();
      expect(save.status()).toBe('gone');
      expect(await store.get(nb.id)).toBeUndefined();
      expect(await store.list()).toEqual([]);
      dispose();
    });
    store.close();
  });
});
