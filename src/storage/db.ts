/**
 * IndexedDB, the idb way: one typed schema, one `openDB` with a migration ladder, and every
 * write of a notebook in one transaction with its summary (the home page lists summaries, so it
 * never loads whole notebooks).
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Notebook } from '../model/notebook';

export const DB_NAME = 'opsbook';
export const DB_VERSION = 3;

export interface NotebookSummary {
  id: string;
  title: string;
  sheetCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface Snapshot {
  id: string;
  notebookId: string;
  at: number;
  /** Set for snapshots the user named; automatic ones say why they were taken. */
  name?: string;
  reason: string;
  notebook: Notebook;
}

export interface OpsbookDB extends DBSchema {
  notebooks: { key: string; value: Notebook };
  summaries: { key: string; value: NotebookSummary; indexes: { updatedAt: number } };
  settings: { key: string; value: unknown };
  snapshots: { key: string; value: Snapshot; indexes: { notebookId: string } };
}

export function summarize(nb: Notebook): NotebookSummary {
  return { id: nb.id, title: nb.title, sheetCount: nb.sheets.length, createdAt: nb.createdAt, updatedAt: nb.updatedAt };
}

export function openOpsbookDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<OpsbookDB>> {
  return openDB<OpsbookDB>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('notebooks', { keyPath: 'id' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        // v2: the home page reads small summaries instead of whole notebooks.
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('updatedAt', 'updatedAt');
        let cursor = await tx.objectStore('notebooks').openCursor();
        while (cursor) {
          await summaries.put(summarize(cursor.value));
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 3) {
        const snaps = db.createObjectStore('snapshots', { keyPath: 'id' });
        snaps.createIndex('notebookId', 'notebookId');
      }
    },
  });
}

export class NotebookStore {
  constructor(private db: IDBPDatabase<OpsbookDB>) {}

  static async open(name?: string): Promise<NotebookStore> {
    return new NotebookStore(await openOpsbookDB(name));
  }

  async list(): Promise<NotebookSummary[]> {
    const all = await this.db.getAllFromIndex('summaries', 'updatedAt');
    return all.reverse();
  }

  get(id: string): Promise<Notebook | undefined> {
    return this.db.get('notebooks', id);
  }

  /** Writes the notebook and its summary atomically. */
  async put(nb: Notebook): Promise<void> {
    const tx = this.db.transaction(['notebooks', 'summaries'], 'readwrite');
    await Promise.all([tx.objectStore('notebooks').put(nb), tx.objectStore('summaries').put(summarize(nb)), tx.done]);
  }

  async delete(id: string): Promise<void> {
    const tx = this.db.transaction(['notebooks', 'summaries', 'snapshots'], 'readwrite');
    const snaps = await tx.objectStore('snapshots').index('notebookId').getAllKeys(id);
    await Promise.all([
      tx.objectStore('notebooks').delete(id),
      tx.objectStore('summaries').delete(id),
      ...snaps.map((k) => tx.objectStore('snapshots').delete(k)),
      tx.done,
    ]);
  }

  getSetting<T>(key: string): Promise<T | undefined> {
    return this.db.get('settings', key) as Promise<T | undefined>;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  async addSnapshot(s: Snapshot): Promise<void> {
    await this.db.put('snapshots', s);
  }

  async deleteSnapshot(id: string): Promise<void> {
    await this.db.delete('snapshots', id);
  }

  /** Which snapshots a notebook has, newest first, without loading their documents. */
  async snapshotIndex(notebookId: string): Promise<{ id: string; at: number; named: boolean }[]> {
    const out: { id: string; at: number; named: boolean }[] = [];
    let cursor = await this.db.transaction('snapshots').store.index('notebookId').openCursor(notebookId);
    while (cursor) {
      // The id, time and name sit beside the document; reading them from the cursor's value is
      // unavoidable with one store, but nothing is kept beyond these three fields.
      out.push({ id: cursor.value.id, at: cursor.value.at, named: !!cursor.value.name });
      cursor = await cursor.continue();
    }
    return out.sort((a, b) => b.at - a.at);
  }

  async snapshots(notebookId: string): Promise<Snapshot[]> {
    const all = await this.db.getAllFromIndex('snapshots', 'notebookId', notebookId);
    return all.sort((a, b) => b.at - a.at);
  }

  close(): void {
    this.db.close();
  }
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
