/**
 * App-wide services the pages share: the notebook store (opened once), this browser's settings,
 * the storage a notebook page builds on (autosave, revisions, the tab lock), and a message line
 * for problems and notices. Pages reach storage only through here (`src/i18n` reads its setting
 * from `storage/settings` itself, being below the UI).
 */
import { createSignal } from 'solid-js';
import { NotebookStore, requestPersistentStorage } from '../storage/db';
import { restoreSettings } from '../storage/settings';
import type { Notebook } from '../model/notebook';
import { t } from '../i18n';

export { createAutosave } from '../storage/autosave';
export type { SaveStatus } from '../storage/autosave';
export { createHistory } from '../storage/history';
export type { History } from '../storage/history';
export { createTabLock } from '../storage/tabLock';
export type { NotebookSummary, Snapshot } from '../storage/db';
export { readSetting, writeSetting } from '../storage/settings';

let storePromise: Promise<NotebookStore> | null = null;

export function notebookStore(): Promise<NotebookStore> {
  if (!storePromise) {
    storePromise = NotebookStore.open(undefined, {
      // A newer Opsbook in another tab upgrades the database: this tab let go of it and must reload.
      onBlocking: () => notify('error', t('db.reloadForUpgrade')),
    });
    void requestPersistentStorage();
    void storePromise.then(restoreSettings).catch(() => undefined);
  }
  return storePromise;
}

/** A notebook passed to its page before it was ever stored; `checked`: it already passed `validateNotebook`. */
export interface HandedOff {
  notebook: Notebook;
  checked: boolean;
}

const handedOff = new Map<string, HandedOff>();

/**
 * A notebook just created or imported, passed to its page without a trip through IndexedDB; the
 * page stores it once its engine is building (see NotebookPage), so the first save never delays
 * the first values. `checked`: built here or read through the validating reader, so the page need
 * not check it again.
 */
export function handOff(nb: Notebook, checked = false): void {
  handedOff.set(nb.id, { notebook: nb, checked });
}

export function takeHandedOff(id: string): HandedOff | undefined {
  const h = handedOff.get(id);
  handedOff.delete(id);
  return h;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  at: number;
}

const [notice, setNotice] = createSignal<Notice | null>(null);
export { notice };

/** An information notice leaves by itself after this long; an error stays until closed. */
export const INFO_NOTICE_MS = 6000;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;

export function notify(kind: Notice['kind'], text: string): void {
  const n = { kind, text, at: Date.now() };
  setNotice(n);
  clearTimeout(noticeTimer);
  if (kind === 'info') noticeTimer = setTimeout(() => setNotice((now) => (now === n ? null : now)), INFO_NOTICE_MS);
}

export function dismissNotice(): void {
  setNotice(null);
}

/** Saves bytes or text as a file the browser downloads. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made from a title: keeps letters of any script, digits, spaces, - and _. */
export function fileStem(title: string): string {
  return title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 80) || 'opsbook';
}
