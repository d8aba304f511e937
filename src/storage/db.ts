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
  /**
   * Bumped by every write of the notebook. A writer that says which revision it last saw is
   * refused when another wrote since (or deleted it), so a stale tab neither overwrites a rename
   * made on the home page nor brings back a deleted notebook. Absent on records written before.
   */
  rev?: number;
}

/** Why a guarded write was refused: someone else wrote (`conflict`) or deleted it (`gone`). */
export class WriteConflict extends Error {
  constructor(readonly kind: 'conflict' | 'gone', readonly stored?: Notebook, readonly rev?: number) {
    super(kind === 'gone' ? 'the notebook was deleted elsewhere' : 'the notebook was changed elsewhere');
  }
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

export function summarize(nb: Notebook, rev?: number): NotebookSummary {
  const s: NotebookSummary = { id: nb.id, title: nb.title, sheetCount: nb.sheets.length, createdAt: nb.createdAt, updatedAt: nb.updatedAt };
  if (rev !== undefined) s.rev = rev;
  return s;
}

export interface OpenOptions {
  /**
   * A newer Opsbook in another tab wants to upgrade the database: this connection is closed (or
   * the upgrade would wait forever) and the tab should be reloaded.
   */
  onBlocking?: () => void;
}

export function openOpsbookDB(name = DB_NAME, version = DB_VERSION, options: OpenOptions = {}): Promise<IDBPDatabase<OpsbookDB>> {
  let opened: IDBPDatabase<OpsbookDB> | null = null;
  const db = openDB<OpsbookDB>(name, version, {
    blocking() {
      opened?.close();
      options.onBlocking?.();
    },
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
  return db.then((d) => (opened = d));
}

export class NotebookStore {
  constructor(private db: IDBPDatabase<OpsbookDB>) {}

  static async open(name?: string, options?: OpenOptions): Promise<NotebookStore> {
    return new NotebookStore(await openOpsbookDB(name, DB_VERSION, options));
  }

  async list(): Promise<NotebookSummary[]> {
    const all = await this.db.getAllFromIndex('summaries', 'updatedAt');
    return all.reverse();
  }

  get(id: string): Promise<Notebook | undefined> {
    return this.db.get('notebooks', id);
  }

  /** The revision last written (0 for a record from before revisions, undefined when there is none). */
  async revision(id: string): Promise<number | undefined> {
    const s = await this.db.get('summaries', id);
    return s ? (s.rev ?? 0) : undefined;
  }

  /**
   * Writes the notebook and its summary atomically; answers the new revision. With `expectRev`
   * (the revision this writer last saw) the write happens only if nobody wrote or deleted the
   * notebook since: otherwise it throws a `WriteConflict` carrying what is stored.
   */
  async put(nb: Notebook, expectRev?: number): Promise<number> {
    const tx = this.db.transaction(['notebooks', 'summaries'], 'readwrite');
    const summaries = tx.objectStore('summaries');
    const current = await summaries.get(nb.id);
    const have = current ? (current.rev ?? 0) : undefined;
    if (expectRev !== undefined && have !== expectRev) {
      const stored = have === undefined ? undefined : await tx.objectStore('notebooks').get(nb.id);
      tx.abort();
      await tx.done.catch(() => {});
      throw new WriteConflict(have === undefined ? 'gone' : 'conflict', stored, have);
    }
    const rev = (have ?? 0) + 1;
    await Promise.all([tx.objectStore('notebooks').put(nb), summaries.put(summarize(nb, rev)), tx.done]);
    return rev;
  }

  /** Renames a stored notebook in one transaction (the home page's rename): a new revision. */
  async rename(id: string, title: string, now = Date.now()): Promise<boolean> {
    const tx = this.db.transaction(['notebooks', 'summaries'], 'readwrite');
    const nb = await tx.objectStore('notebooks').get(id);
    if (!nb) {
      await tx.done;
      return false;
    }
    const rev = ((await tx.objectStore('summaries').get(id))?.rev ?? 0) + 1;
    const next = { ...nb, title, updatedAt: now };
    await Promise.all([tx.objectStore('notebooks').put(next), tx.objectStore('summaries').put(summarize(next, rev)), tx.done]);
    return true;
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
