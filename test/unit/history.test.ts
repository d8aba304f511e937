import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../src/storage/db';
import { AUTO_EVERY_EDITS, AUTO_EVERY_MS, KEEP_AUTOMATIC, createHistory } from '../../src/storage/history';
import { emptyNotebook } from '../../src/model/notebook';

describe('version history', () => {
  it('snapshots on the edit rhythm and on time, keeps named ones, prunes old automatic ones', async () => {
    const store = await NotebookStore.open('history-test');
    const nb = emptyNotebook('Plan');
    let clock = 1_000;
    const h = createHistory(async () => store, nb.id, () => clock);
    for (let i = 1; i < AUTO_EVERY_EDITS; i++) expect(await h.noteEdit(nb)).toBeNull();
    nb.sheets[0].cells = { A1: 50 };
    const snap = await h.noteEdit(nb);
    expect(snap?.reason).toBe('auto');
    expect(snap?.notebook.sheets[0].cells).toEqual({ A1: 50 });
    nb.sheets[0].cells = { A1: 51 }; // the snapshot is a copy, not a live reference
    expect((await h.list())[0].notebook.sheets[0].cells).toEqual({ A1: 50 });

    clock += AUTO_EVERY_MS;
    expect((await h.noteEdit(nb))?.reason).toBe('auto');

    await h.take(nb, 'named', 'Before the workshop');
    for (let i = 0; i < KEEP_AUTOMATIC + 5; i++) {
      clock += 1;
      await h.take(nb, 'auto');
    }
    const all = await h.list();
    expect(all.filter((s) => !s.name)).toHaveLength(KEEP_AUTOMATIC);
    expect(all.filter((s) => s.name).map((s) => s.name)).toEqual(['Before the workshop']);
    expect(all[0].at).toBeGreaterThanOrEqual(all[all.length - 1].at); // newest first
    store.close();
  });
});
