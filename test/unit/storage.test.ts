import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { NotebookStore, openOpsbookDB } from '../../src/storage/db';
import { emptyNotebook } from '../../src/model/notebook';

let n = 0;
const fresh = () => `test-db-${++n}`;

describe('notebook storage', () => {
  it('stores, lists (newest first), reads back and deletes notebooks', async () => {
    const store = await NotebookStore.open(fresh());
    const a = { ...emptyNotebook('A'), updatedAt: 1 };
    const b = { ...emptyNotebook('B'), updatedAt: 2 };
    a.sheets[0].cells = { A1: 1, A2: '=A1*2' };
    await store.put(a);
    await store.put(b);
    expect((await store.list()).map((s) => s.title)).toEqual(['B', 'A']);
    expect(await store.get(a.id)).toEqual(a);
    await store.delete(a.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect((await store.list()).map((s) => s.title)).toEqual(['B']);
    store.close();
  });

  it('upgrades a version-1 database and keeps every notebook', async () => {
    const name = fresh();
    const old = emptyNotebook('Kept');
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('notebooks', { keyPath: 'id' });
        db.createObjectStore('settings');
      },
    });
    await v1.put('notebooks', old);
    v1.close();
    const db = await openOpsbookDB(name);
    expect(db.objectStoreNames.contains('snapshots')).toBe(true);
    db.close();
    const store = await NotebookStore.open(name);
    expect(await store.get(old.id)).toEqual(old);
    expect((await store.list()).map((s) => s.id)).toEqual([old.id]);
    store.close();
  });
});
