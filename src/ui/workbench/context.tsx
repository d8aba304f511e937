/**
 * The open notebook as Solid context: `NotebookProvider` wraps the notebook page, and any view
 * inside it asks `useNotebook()` (or `useWorkbench()`) instead of being handed the workbench
 * through every layer of props. What a feature keeps for as long as the notebook is open (a
 * worker pool, a run in progress) lives in `own`, not in module-level maps keyed by session.
 */
import { createContext, useContext } from 'solid-js';
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { Notebook } from '../../model/notebook';
import type { History } from '../services';
import type { Checks } from './checkList';
import type { Workbench } from './workbench';

export interface NotebookContext {
  wb: Workbench;
  session: NotebookSession;
  checks: Checks;
  /** Shows a side panel by id (toggles when it is already shown). */
  togglePanel(id: string): void;
  panel(): string | null;
  /** Registers a callback run after every document change (autosave runs first). */
  onDocumentChange(fn: () => void): void;
  /** Version history; take a snapshot before a risky operation: `history.take(session.plain(), 'beforeScenario')`. */
  history: History;
  /** Replaces the document with `nb` (same notebook), after snapshotting the current state. */
  restore(nb: Notebook, reason: string): Promise<void>;
  /**
   * Registers a callback run once when the notebook page closes: what lives as long as the
   * notebook (a worker pool, a run in progress) ends there, not when a button re-renders.
   */
  onClose(fn: () => void): void;
  /** A feature's state for this notebook, made by `make` on first use and kept until the page closes. */
  own<T>(key: string, make: () => T): T;
}

const Context = createContext<NotebookContext>();

export function NotebookProvider(props: { value: NotebookContext; children: JSX.Element }): JSX.Element {
  return <Context.Provider value={props.value}>{props.children}</Context.Provider>;
}

/** The notebook the calling view is inside of; a view outside a notebook page is a bug. */
export function useNotebook(): NotebookContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useNotebook() outside a NotebookProvider');
  return ctx;
}

export const useWorkbench = (): Workbench => useNotebook().wb;

/** The `own` of a context: one value per key for the notebook's lifetime. */
export function createOwned(): NotebookContext['own'] {
  const owned = new Map<string, unknown>();
  return <T,>(key: string, make: () => T): T => {
    if (!owned.has(key)) owned.set(key, make());
    return owned.get(key) as T;
  };
}
