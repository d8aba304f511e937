/**
 * Version history: snapshots of a notebook in IndexedDB. Automatic ones are taken on a rhythm
 * (after enough edits or enough time with changes) and before risky operations (inserting a
 * template, applying a scenario, restoring an older version); named ones when the user asks.
 * Only the newest automatic snapshots are kept; named ones stay until the notebook is deleted.
 */
import { newId } from '../model/notebook';
import type { Notebook } from '../model/notebook';
import type { NotebookStore, Snapshot } from './db';

export const AUTO_EVERY_EDITS = 50;
export const AUTO_EVERY_MS = 5 * 60 * 1000;
export const KEEP_AUTOMATIC = 30;

export function createHistory(store: () => Promise<NotebookStore>, notebookId: string, now = () => Date.now()) {
  let editsSince = 0;
  let lastAt = now();

  async function take(nb: Notebook, reason: string, name?: string): Promise<Snapshot> {
    const snap: Snapshot = { id: newId('snap'), notebookId, at: now(), reason, notebook: JSON.parse(JSON.stringify(nb)) as Notebook };
    if (name) snap.name = name;
    const s = await store();
    await s.addSnapshot(snap);
    editsSince = 0;
    lastAt = snap.at;
    await prune(s);
    return snap;
  }

  let pruning: Promise<void> = Promise.resolve();
  /** Drops the oldest automatic snapshots, one pass at a time. */
  function prune(s: NotebookStore): Promise<void> {
    pruning = pruning.then(async () => {
      const automatic = (await s.snapshotIndex(notebookId)).filter((x) => !x.named);
      for (const old of automatic.slice(KEEP_AUTOMATIC)) await s.deleteSnapshot(old.id);
    });
    return pruning;
  }

  return {
    take,
    /** Called after every saved change; takes an automatic snapshot when the rhythm says so. */
    async noteEdit(nb: Notebook): Promise<Snapshot | null> {
      editsSince++;
      if (editsSince < AUTO_EVERY_EDITS && now() - lastAt < AUTO_EVERY_MS) return null;
      // Reset before the first await: a burst of edits must not start a snapshot each.
      editsSince = 0;
      lastAt = now();
      return take(nb, 'auto');
    },
    async list(): Promise<Snapshot[]> {
      return (await store()).snapshots(notebookId);
    },
  };
}

export type History = ReturnType<typeof createHistory>;
