/**
 * This browser's settings: one typed list in the database's settings store, mirrored in
 * localStorage for synchronous reads; a cleared mirror is refilled from the database.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotebookStore } from '../../src/storage/db';
import { readSetting, restoreSettings, writeSetting } from '../../src/storage/settings';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) { return this.m.has(k) ? this.m.get(k)! : null; }
  setItem(k: string, v: string) { this.m.set(k, String(v)); }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
}

let n = 0;
const fresh = () => `opsbook-settings-test-${++n}`;

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('settings', () => {
  it('reads what the app wrote before, including bare strings of older versions', () => {
    localStorage.setItem('opsbook.locale', 'en');
    localStorage.setItem('opsbook.whatifPoolSize', '2');
    expect(readSetting('locale')).toBe('en');
    expect(readSetting('whatifPoolSize')).toBe(2);
    expect(readSetting('notebookView')).toBeUndefined();
  });

  it('keeps a value in the database too, and refills a cleared mirror from it', async () => {
    const store = await NotebookStore.open(fresh());
    await restoreSettings(store);
    writeSetting('notebookView', { shown: true, collapsed: true, height: 320 });
    writeSetting('locale', 'zh-CN');
    await expect.poll(() => store.getSetting('notebookView')).toEqual({ shown: true, collapsed: true, height: 320 });
    await expect.poll(() => store.getSetting('locale')).toBe('zh-CN');
    localStorage.clear();
    expect(readSetting('locale')).toBeUndefined();
    await restoreSettings(store);
    expect(readSetting('locale')).toBe('zh-CN');
    expect(readSetting('notebookView')).toEqual({ shown: true, collapsed: true, height: 320 });
  });

  it('prefers the mirror over the database, and survives storage that throws', async () => {
    const store = await NotebookStore.open(fresh());
    await store.setSetting('locale', 'en');
    localStorage.setItem('opsbook.locale', JSON.stringify('zh-CN'));
    await restoreSettings(store);
    expect(readSetting('locale')).toBe('zh-CN');
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writeSetting('locale', 'en')).not.toThrow();
    await expect.poll(() => store.getSetting('locale')).toBe('en');
  });
});
