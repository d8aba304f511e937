/**
 * The places where the editor's larger features plug in, as data: toolbar items, side panels and
 * the area above the grid (the sheet's notebook view). Each feature registers here with one line,
 * so NotebookPage stays a layout and features stay in their own folders.
 */
import type { JSX } from 'solid-js';
import type { NotebookSession } from '../../engine/session';
import type { Workbench } from './workbench';
import type { Checks } from './checkList';
import type { History } from '../services';
import type { Notebook } from '../../model/notebook';

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
}

export interface ToolbarItem {
  id: string;
  render(ctx: NotebookContext): JSX.Element;
}

export interface SidePanel {
  id: string;
  render(ctx: NotebookContext & { close(): void }): JSX.Element;
}

export interface AboveGrid {
  id: string;
  render(ctx: NotebookContext): JSX.Element;
}

export const TOOLBAR_ITEMS: ToolbarItem[] = [];
export const SIDE_PANELS: SidePanel[] = [];
export const ABOVE_GRID: AboveGrid[] = [];
